using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.WebEncoders;
using Portal;
using Portal.Accounts;
using Portal.Coaching;
using Portal.Requests;
using Portal.Objections;
using Portal.Review;
using Portal.Decisions;
using Portal.Payments;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Email;
using Portal.Infrastructure;
using Portal.Infrastructure.Email;
using Htmx;
using Portal.Infrastructure.Web;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Security;

var builder = WebApplication.CreateBuilder(args);
// "Server: Kestrel" only tells an attacker what to look up.
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
var services = builder.Services;
var configuration = builder.Configuration;
var connectionString = configuration.GetConnectionString("Portal")
    ?? throw new InvalidOperationException("Set ConnectionStrings__Portal (make run sets it for the local database).");

// Printing the schema (--create-script) sends no mail, so it needs no public address.
var publicUrl = PublicUrl.From(configuration, builder.Environment, required: !args.Contains("--create-script"));
services.AddSingleton(publicUrl);
services.AddSingleton<PublicLinks>();
services.AddProxySetup(configuration, publicUrl);

services.AddMemoryCache();
services.AddSingleton<SessionRevocation>();
services.AddSingleton<IInterceptor>(sp => sp.GetRequiredService<SessionRevocation>());
// Domain events become audit rows and outbox mail in the same SaveChanges (DomainEventRecorder, first of the interceptors).
// Every registered EF interceptor joins (tests add one that counts the database round trips of a request).
// Related collections come in the same query unless a query splits itself: each split part is a round trip (issue 9).
// The options are built once (every interceptor is a singleton), not for every request's context: building them and
// finding EF's internal services for them again was a measurable share of each request (docs/performance.md).
var databaseConnection = DatabaseConnection.Tuned(connectionString);
services.AddDbContextPool<PortalDbContext>((sp, o) => o
    .UseNpgsql(databaseConnection, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
    .AddInterceptors(sp.GetServices<IInterceptor>().Prepend(Portal.Infrastructure.Events.DomainEventRecorder.Instance)));
// One clock for everything (sign-in cookies, sessions, terms, the outbox): tests move it.
services.TryAddSingleton(TimeProvider.System);
services.AddHttpContextAccessor();

services.AddIdentity<PortalUser, IdentityRole<Guid>>(o =>
    {
        o.Password.RequiredLength = PasswordRules.MinimumLength;
        o.Password.RequireDigit = false;
        o.Password.RequireLowercase = false;
        o.Password.RequireUppercase = false;
        o.Password.RequireNonAlphanumeric = false;
        o.Password.RequiredUniqueChars = 1;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.SignIn.RequireConfirmedEmail = true;
        o.User.RequireUniqueEmail = true;
        o.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorTokenProvider.Name;
    })
    .AddEntityFrameworkStores<PortalDbContext>()
    .AddSignInManager<PortalSignInManager>()
    .AddDefaultTokenProviders()
    .AddTokenProvider<OneTimeAuthenticatorTokenProvider>(OneTimeAuthenticatorTokenProvider.Name)
    .AddPasswordValidator<CommonPasswordValidator>();
services.AddScoped<PortalSignInManager>();
services.AddScoped<UserSessions>();
services.AddScoped<DummyPassword>();

services.ConfigureApplicationCookie(o =>
{
    o.Cookie.Name = "portal.auth";
    o.Cookie.HttpOnly = true;
    o.Cookie.SameSite = SameSiteMode.Lax;
    o.LoginPath = "/account/sign-in";
    o.LogoutPath = "/account/sign-out";
    o.AccessDeniedPath = "/error/403";
    o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
    o.SlidingExpiration = true;
    // The cookie counts only while its server-side session lasts (sign-out, new credentials and lockout end it).
    o.Events.OnValidatePrincipal = context => context.HttpContext.RequestServices.GetRequiredService<UserSessions>().ValidateAsync(context);
    o.Events.OnRedirectToLogin = context =>
    {
        // htmx would swap the sign-in page into a fragment: tell it to navigate instead.
        if (context.Request.IsHtmx())
        {
            var returnUrl = context.Request.IsHtmx(out var htmx) && Uri.TryCreate(htmx?.CurrentUrl, UriKind.Absolute, out var uri)
                ? uri.PathAndQuery : "/";
            var signIn = context.HttpContext.RequestServices.GetRequiredService<LinkGenerator>()
                .GetPathByPage(context.HttpContext, "/Account/SignIn", values: new { ReturnUrl = returnUrl })!;
            context.Response.Htmx(h => h.Redirect(signIn));
            context.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    };
});

services.AddAuthorization(Policies.Add);
services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuthorizationResultHandler>();
services.AddScoped<KeptForms>();

// Keys in PostgreSQL, encrypted with the certificate of DataProtection:Certificate (required outside Development).
services.AddPortalDataProtection(configuration, builder.Environment, required: !args.Contains("--create-script"));

services.AddAntiforgery(o =>
{
    o.HeaderName = "RequestVerificationToken";
    o.Cookie.Name = "portal.antiforgery";
});
services.AddLocalization(o => o.ResourcesPath = "Resources");
services.AddSingleton<PortalText>();
// Arabic, Tigrinya and Ukrainian text is written as characters, not as numeric entities: readable and smaller.
services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
services.AddRazorPages()
    .AddMvcOptions(o =>
    {
        o.Filters.Add(new Portal.Infrastructure.Pages.PageMethods());
        o.Filters.Add(new Portal.Applications.NeedsFilter());
        // After the access filter: only a look it let through is a coach's view.
        o.Filters.Add(new Portal.Applications.CoachViews());
    })
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => new PortalText(factory));
services.AddRouting(o => o.LowercaseUrls = true);
services.AddResponseCompression(o =>
{
    o.EnableForHttps = true;
    o.Providers.Add<BrotliCompressionProvider>();
    o.Providers.Add<GzipCompressionProvider>();
});
// How hard answers are compressed: measured with scripts/bench.sh at each level (docs/performance.md, "Compression").
var compression = configuration.GetValue("Compression:Level", System.IO.Compression.CompressionLevel.Fastest);
services.Configure<BrotliCompressionProviderOptions>(o => o.Level = compression);
services.Configure<GzipCompressionProviderOptions>(o => o.Level = compression);

var limits = configuration.GetSection("RateLimits").Get<RateLimitOptions>() ?? new RateLimitOptions();
services.AddRateLimiter(o =>
{
    o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
    o.OnRejected = async (context, _) =>
    {
        if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await RateLimitAudit.RecordAsync(context.HttpContext);
    };
    o.AddPolicy(RateLimitOptions.SignIn, context => PostsPerClient(context, limits.SignInPerMinute));
    o.AddPolicy(RateLimitOptions.Register, context => PostsPerClient(context, limits.RegisterPerMinute));
    o.AddPolicy(RateLimitOptions.SignInLink, context => PostsPerClient(context, limits.SignInLinkPerMinute));
    o.AddPolicy(RateLimitOptions.HelpRequest, context => PostsPerClient(context, limits.HelpRequestPerMinute));
});

services.Configure<HelpContactOptions>(configuration.GetSection("Help"));
services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
services.Configure<OutboxOptions>(configuration.GetSection("Outbox"));
services.AddScoped<IEmailSender, SmtpEmailSender>();
services.AddScoped<EmailOutbox>();
services.AddSingleton<OutboxWorker>();
services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
services.AddSingleton<DraftReminderWorker>().AddHostedService(sp => sp.GetRequiredService<DraftReminderWorker>());
services.AddCoaching();
services.AddReview();
services.AddDecisionLetters();
services.AddPayments(configuration);
services.AddRequests();
services.AddObjections();
Portal.Settlement.SettlementSetup.AddSettlement(services);
services.AddScoped<AuditLog>();
services.AddScoped<SignInLinks>();
services.AddScoped<SignInFlow>();
services.AddScoped<AccountEmails>();
services.AddScoped<DemoData>();
services.AddScoped<Portal.Applications.ApplicationAccess>();
services.AddScoped<Portal.Pages.Coach.Assisted.AssistedApplications>();
services.AddScoped<Portal.Pages.Staff.FailedMail>();
// Coaches on an application: consent, comments at a question, Dutch summaries (issue 10).
services.AddScoped<Portal.Applications.CoachConsent>();
services.AddScoped<Portal.Applications.CoachHistory>();
services.AddScoped<Portal.Applications.QuestionComments>();
services.AddScoped<Portal.Applications.AnswerSummaries>();
// Dispatch of decisions under the Wmebv: consent to email, the post tasks, following the outbox (issue 12, point 3).
services.AddScoped<Portal.Dispatch.ElectronicContact>();
services.AddScoped<Portal.Dispatch.PostTasks>();
services.AddScoped<Portal.Dispatch.DispatchFollower>();
services.AddScoped<Portal.Domain.Email.IMailAttachments, Portal.Dispatch.DecisionLetterAttachment>();
services.AddHostedService<Portal.Dispatch.DispatchWorker>();

var app = builder.Build();

if (args.Contains("--create-script"))
{
    // For writing a migration: prints the schema the EF model expects.
    using var scope = app.Services.CreateScope();
    Console.WriteLine(scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.GenerateCreateScript());
    return;
}

// Migrations as the owner role, then the app role's rights; outside Development refuses an app role that could rewrite the audit trail.
await app.PrepareDatabaseAsync();
if (args.Contains("--seed-demo-data") || configuration.GetValue("Demo:Seed", false))
{
    using var scope = app.Services.CreateScope();
    await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
}

app.UseConfiguredProxies(configuration);
if (app.Environment.IsDevelopment())
{
    app.UseDeveloperExceptionPage();
}
else
{
    // The error page says honestly what happened: 503 when the database is away, 400/413 for a request we cannot read.
    app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandlingPath = "/error/500", StatusCodeSelector = Failures.StatusFor });
    app.UseHsts();
}
app.UseSecurityHeaders();
app.UseResponseCompression();
app.UseReplayableForms();
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = context => PublicFiles.SetCacheControl(context.Context) });
app.UseRequestLocalization(LocalizationSetup.Options());
app.UseRouting();
app.UseTooLargeAnswer();
app.UseAuthentication();
app.UseDatabaseUnavailablePage();
// After signing in again, a form posted when the session had expired is posted now (Accounts/KeptForms).
app.Use(async (context, next) =>
{
    if (KeptForms.MayReplay(context)) await context.RequestServices.GetRequiredService<KeptForms>().TryReplayAsync(context);
    await next();
});
app.UseRateLimiter();
app.UseAuthorization();
app.MapRazorPages();
app.MapPublicFiles();
// "Stay signed in" in the idle warning: any signed-in request renews the session; this one does nothing else.
app.MapPost("/account/keep-alive", async (HttpContext context, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        await antiforgery.IsRequestValidAsync(context) ? Results.NoContent() : Results.BadRequest())
    .RequireAuthorization(Policies.SignedIn);
// Without this, the fallback authorization policy would send a visitor of an unknown address to sign-in instead of "not found".
app.MapFallback(context =>
{
    context.Response.StatusCode = StatusCodes.Status404NotFound;
    return Task.CompletedTask;
}).AllowAnonymous();

app.Run();

static RateLimitPartition<string> PostsPerClient(HttpContext context, int permitsPerMinute) =>
    HttpMethods.IsPost(context.Request.Method)
        ? RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Key(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
        : RateLimitPartition.GetNoLimiter("read");

public partial class Program;
