using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Htmx;
using Portal.Infrastructure.Web;

namespace Portal.Accounts;

/// <summary>
/// Nothing typed is lost when a session expires, also without JavaScript. A form posted after the session expired
/// is kept, encrypted, for the user whose expired sign-in cookie the browser still sends; a cookie of its own ties it
/// to this browser. After signing in again, the first visit to that page by the same user turns into the post that
/// was kept, so the answer is saved (or shown with its errors) as if the session had never expired.
/// <para>Only forms from our own pages are kept: same origin, and a valid antiforgery token for that user.
/// File uploads (multipart) are not kept; htmx requests have their own copy in the browser (site.js, keep-draft).</para>
/// </summary>
public sealed class KeptForms(
    PortalDbContext db,
    IDataProtectionProvider protection,
    IAntiforgery antiforgery,
    IOptions<AntiforgeryOptions> antiforgeryOptions,
    IOptionsMonitor<CookieAuthenticationOptions> cookieOptions,
    TimeProvider clock)
{
    public const string CookieName = "portal.kept";
    private const string ReplayKey = "Portal.KeptForm.Replayed";
    /// <summary>
    /// Twice the largest real form: the 4,000-character activity description in Arabic or emoji is 24 KB once
    /// percent-encoded. Anything larger is not something a person typed on one of our pages.
    /// </summary>
    public const long MaxFormBytes = 64 * 1024;
    /// <summary>Forms kept per user; the oldest goes first. One per page is kept anyway, and people have few pages open.</summary>
    public const int MaxPerUser = 3;
    /// <summary>Forms kept per user per hour on this node: an expired cookie must not become a way to fill the database.</summary>
    public const int MaxPerUserPerHour = 10;
    /// <summary>The longest path and query string a kept form stores (the columns' size).</summary>
    private const int MaxAddressLength = 2048;

    private IDataProtector Protector => protection.CreateProtector("Portal.KeptForm");

    /// <summary>Keeps the posted form of a request that is about to be sent to sign-in, when it may be kept.</summary>
    public async Task<bool> TryKeepAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsPost(request.Method) || request.IsHtmx() || !request.HasFormContentType
            || request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            || request.ContentLength is null or > MaxFormBytes || !SameOrigin.Is(request)
            || request.Path.Value!.Length > MaxAddressLength || request.QueryString.Value?.Length > MaxAddressLength)
            return false;
        if (ExpiredSessionUser(context) is not { } expired
            || !Guid.TryParse(expired.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            return false;

        // The token proves the form came from our page, shown to this user in this browser.
        var anonymous = context.User;
        context.User = expired;
        bool fromOurPage;
        try { fromOurPage = await antiforgery.IsRequestValidAsync(context); }
        finally { context.User = anonymous; }
        if (!fromOurPage || !await BelongsToAsync(context, userId)) return false;
        using var permit = Limiter.AttemptAcquire(userId);
        if (!permit.IsAcquired) return false;

        var now = clock.GetUtcNow();
        var path = request.Path.Value!;
        await db.KeptForms.Where(f => f.ExpiresAt < now || (f.UserId == userId && f.Path == path)).ExecuteDeleteAsync();
        // Room for this one: the user's oldest kept forms beyond the limit go.
        await db.KeptForms.Where(f => f.UserId == userId)
            .OrderByDescending(f => f.CreatedAt).Skip(MaxPerUser - 1).ExecuteDeleteAsync();
        var fields = QueryString.Create(request.Form).Value![1..];
        var kept = new KeptForm
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            Path = path,
            Query = request.QueryString.Value ?? "",
            ProtectedFields = Protector.Protect(Encoding.UTF8.GetBytes(fields)),
            CreatedAt = now,
            ExpiresAt = now + KeptForm.Lifetime,
        };
        db.KeptForms.Add(kept);
        await db.SaveChangesAsync();
        context.Response.Cookies.Append(CookieName, kept.Id.ToString("N"), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = request.IsHttps,
            IsEssential = true,
            MaxAge = KeptForm.Lifetime,
        });
        return true;
    }

    /// <summary>Whether this request could replay a kept form at all: checked before the service (and its database) is made.</summary>
    public static bool MayReplay(HttpContext context) => context.Request.Cookies.ContainsKey(CookieName);

    /// <summary>
    /// On the first visit to the kept form's page by the same signed-in user, turns this request into the kept post.
    /// Runs before routing, after authentication.
    /// </summary>
    public async Task<bool> TryReplayAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) || request.IsHtmx() || !request.Cookies.TryGetValue(CookieName, out var cookie)
            || context.User.Identity?.IsAuthenticated != true)
            return false;
        if (!Guid.TryParseExact(cookie, "N", out var id)
            || !Guid.TryParse(context.User.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            Forget(context);
            return false;
        }
        var kept = await db.KeptForms.AsNoTracking().SingleOrDefaultAsync(f => f.Id == id);
        if (kept is null || kept.ExpiresAt < clock.GetUtcNow() || kept.UserId != userId)
        {
            // Someone else signed in on this browser, or the form is gone: it is never shown to them.
            Forget(context);
            return false;
        }
        if (kept.Path != request.Path.Value) return false;

        Forget(context);
        // Used once, also when two tabs open the page at the same moment.
        if (await db.KeptForms.Where(f => f.Id == id).ExecuteDeleteAsync() == 0) return false;
        byte[] fields;
        try { fields = Protector.Unprotect(kept.ProtectedFields); }
        catch (CryptographicException) { return false; }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(fields));
        // The kept token was made for the session that expired; the browser's antiforgery cookie (kept as long as the
        // sign-in cookie) accepts a new one for the user signed in now, who is the same user.
        form[antiforgeryOptions.Value.FormFieldName] = antiforgery.GetAndStoreTokens(context).RequestToken;
        var body = Encoding.UTF8.GetBytes(QueryString.Create(form).Value![1..]);
        request.Method = HttpMethods.Post;
        request.QueryString = new QueryString(kept.Query);
        request.ContentType = "application/x-www-form-urlencoded";
        request.ContentLength = body.Length;
        request.Body = new MemoryStream(body);
        context.Items[ReplayKey] = true;
        return true;
    }

    /// <summary>Whether this request is a kept form being posted again (it was a GET when the browser sent it).</summary>
    public static bool IsReplay(HttpContext context) => context.Items.ContainsKey(ReplayKey);

    private static void Forget(HttpContext context) => context.Response.Cookies.Delete(CookieName);

    private static readonly PartitionedRateLimiter<Guid> Limiter = PartitionedRateLimiter.Create<Guid, Guid>(userId =>
        RateLimitPartition.GetFixedWindowLimiter(userId, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = MaxPerUserPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0,
        }));

    /// <summary>
    /// The page exists (routing found a page, not the fallback) and its object is the user's: an application or
    /// organisation in the address must be one the user may open. Invented or someone else's ids are not kept.
    /// </summary>
    private async Task<bool> BelongsToAsync(HttpContext context, Guid userId)
    {
        if (context.GetEndpoint() is not RouteEndpoint { RoutePattern.RawText: { } rawPattern } endpoint
            || endpoint.Metadata.GetMetadata<PageActionDescriptor>() is null)
            return false;
        var pattern = rawPattern.TrimStart('/');
        if (!Guid.TryParse(context.GetRouteValue("id")?.ToString(), out var id)) return true;
        var memberOf = db.Organisations.Where(o => o.Members.Any(m => m.UserId == userId)).Select(o => o.Id);
        if (pattern.StartsWith("applications/", StringComparison.Ordinal))
            return await db.Applications.AnyAsync(a => a.Id == id && memberOf.Contains(a.OrganisationId));
        if (pattern.StartsWith("organisation/", StringComparison.Ordinal))
            return await memberOf.AnyAsync(o => o == id);
        return false;
    }

    /// <summary>The user of the sign-in cookie the browser still sends, though it no longer counts.</summary>
    private ClaimsPrincipal? ExpiredSessionUser(HttpContext context)
    {
        var options = cookieOptions.Get(IdentityConstants.ApplicationScheme);
        var value = options.CookieManager.GetRequestCookie(context, options.Cookie.Name!);
        return string.IsNullOrEmpty(value) ? null : options.TicketDataFormat.Unprotect(value)?.Principal;
    }
}
