using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Accounts;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Tests.Infrastructure;
using Portal.TestSupport;

namespace Portal.Tests.Security;

/// <summary>
/// Issue 8 §2: every handler of every page about one application or organisation — GET, POST and the htmx fragment
/// variant, found through the framework's own endpoint data, not a hand-kept list — is asked by every kind of grant
/// (member, coach who may look, coach who may edit, reviewer, approver, admin, a member of another organisation,
/// nobody signed in) for a draft, a sent-in application and another organisation's application. The answer must be
/// 404 exactly where the capability table (<see cref="Grants"/>) does not allow what the handler needs.
/// </summary>
[Collection(Db.Security)]
public sealed partial class AccessTableTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Who asks, and which grants the test gave them (the page must find the same by itself).</summary>
    private sealed record Asker(string Name, FormClient? Client, Guid? UserId, string? Role);

    private sealed record Handler(string Template, string Method, string? Name, Capability Needs, NeedsFilter.Scope Scope)
    {
        public override string ToString() => $"{Method} /{Template}{(Name is null ? "" : "?handler=" + Name)}";
    }

    /// <summary>The objects asked about: made fresh for each handler, since an allowed POST may change them.</summary>
    private sealed record World(Guid Draft, Guid SentIn, Guid OtherOrganisationsDraft, Guid Ours, Guid Theirs,
        Dictionary<Guid, Guid> AttachmentOf);

    [Fact]
    public async Task Every_handler_answers_404_exactly_where_the_capability_table_says_no()
    {
        var handlers = await HandlersAsync();
        Assert.Contains(handlers, h => h.Method == "POST" && h.Name == "Autosave" && h.Scope == NeedsFilter.Scope.Application);
        Assert.Contains(handlers, h => h.Template.StartsWith("organisation/", StringComparison.Ordinal) && h.Method == "POST");

        var member = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        var otherMember = await TestAccounts.CreateAsync(fixture.Factory, "samir@example.org", Roles.Applicant);
        var ours = await TestApplications.OrganisationAsync(fixture.Database, member.Id);
        var theirs = await TestApplications.OrganisationAsync(fixture.Database, otherMember.Id, "Buurtgroep Lindenholt");
        var askers = new List<Asker>
        {
            new("member", await SignedInAsync("amina@example.org"), member.Id, null),
            new("member of another organisation", await SignedInAsync("samir@example.org"), otherMember.Id, null),
            new("nobody signed in", null, null, null),
        };
        foreach (var (name, role) in new[] { ("coach-view", Roles.Coach), ("coach-edit", Roles.Coach), ("coach-assisting", Roles.Coach), ("reviewer", Roles.Reviewer),
                     ("approver", Roles.Approver), ("admin", Roles.Admin) })
        {
            var key = Totp.NewKey();
            var user = await TestAccounts.CreateAsync(fixture.Factory, $"{name}@example.org", role, authenticatorKey: key);
            var client = new FormClient(fixture.Factory);
            await client.SignInWithCodeAsync($"{name}@example.org", TestAccounts.Password, key);
            askers.Add(new(name, client, user.Id, name));
        }

        var wrong = new List<string>();
        var asked = 0;
        World? world = null;
        foreach (var handler in handlers.OrderBy(h => h.Method == "POST"))
        {
            // A GET changes nothing; after each POST the objects are made anew, so every handler meets a draft.
            if (world is null || handler.Method == "POST") world = await WorldAsync(ours, theirs, member.Id, askers);
            var targets = handler.Scope == NeedsFilter.Scope.Application
                ? new[] { world.Draft, world.SentIn, world.OtherOrganisationsDraft }
                : [world.Ours, world.Theirs];
            foreach (var asker in askers)
            foreach (var target in targets)
            foreach (var htmx in new[] { false, true })
            {
                var expected = await AllowedAsync(asker, handler, target, world);
                var (status, location) = await AskAsync(asker, handler, Address(handler, target, world), htmx);
                asked++;
                var fine = asker.Client is null
                    ? status is HttpStatusCode.Redirect or HttpStatusCode.OK && location?.Contains("/account/sign-in") == true
                    : expected ? status != HttpStatusCode.NotFound : status == HttpStatusCode.NotFound;
                if (!fine)
                    wrong.Add($"{handler} as {asker.Name} on {Describe(target, world)}{(htmx ? " (htmx)" : "")}: " +
                        $"{(int)status}, expected {(asker.Client is null ? "sign-in" : expected ? "not 404" : "404")}");
            }
        }

        foreach (var asker in askers) asker.Client?.Dispose();
        Assert.True(asked > 1000, $"Only {asked} requests: handlers or askers went missing.");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {asked} answers differ from the capability table:\n" + string.Join("\n", wrong.OrderBy(w => w.Contains("nobody")).Take(60)));
    }

    [Fact]
    public async Task Every_id_scoped_handler_names_the_capability_it_needs()
    {
        // The filter refuses to run a handler without [Needs]; this names them all at once instead of one per request.
        var handlers = await HandlersAsync();
        Assert.True(handlers.Count >= 40, $"Expected every id-scoped handler, found {handlers.Count}");
    }

    [Fact]
    public async Task Staff_see_a_sent_in_organisation_without_the_means_to_change_it_and_members_see_both()
    {
        var (memberClient, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var member = memberClient;
        await TestApplications.SubmittedAsync(fixture.Database, organisation);
        var key = Totp.NewKey();
        await TestAccounts.CreateAsync(fixture.Factory, "reviewer@example.org", Roles.Reviewer, authenticatorKey: key);
        using var reviewer = new FormClient(fixture.Factory);
        await reviewer.SignInWithCodeAsync("reviewer@example.org", TestAccounts.Password, key);

        var (seen, staffView) = await reviewer.GetAsync($"/organisation/{organisation.Id}");
        var (_, memberView) = await member.GetAsync($"/organisation/{organisation.Id}");

        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Contains("Moedergroep Hatert", staffView, StringComparison.Ordinal);
        Assert.DoesNotContain($"/organisation/{organisation.Id}/", staffView, StringComparison.Ordinal);
        Assert.Contains($"/organisation/{organisation.Id}/name", memberView, StringComparison.Ordinal);
        Assert.Contains($"/organisation/{organisation.Id}/invite", memberView, StringComparison.Ordinal);
    }

    /// <summary>What the capability table allows this asker on this object, worked out from the grants the test gave.</summary>
    private async Task<bool> AllowedAsync(Asker asker, Handler handler, Guid target, World world)
    {
        if (asker.Client is null) return false;
        await using var db = fixture.Database.NewContext();
        var kinds = new List<GrantKind>();
        if (handler.Scope == NeedsFilter.Scope.Application)
        {
            var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == target);
            if (await IsMemberAsync(db, asker, application.OrganisationId)) kinds.Add(GrantKind.Member);
            kinds.AddRange(await db.CoachGrants.Where(g => g.ApplicationId == target && g.CoachId == asker.UserId && g.RevokedAt == null)
                .Select(g => g.Kind).ToListAsync());
            kinds.AddRange(StaffKind(asker));
            return Grants.Allows(kinds, application.SubmittedAt is not null).Contains(handler.Needs);
        }
        if (await IsMemberAsync(db, asker, target)) kinds.Add(GrantKind.Member);
        kinds.AddRange(await db.CoachGrants.Where(g => g.CoachId == asker.UserId && g.RevokedAt == null
            && db.Applications.Any(a => a.Id == g.ApplicationId && a.OrganisationId == target)).Select(g => g.Kind).ToListAsync());
        if (await db.Applications.AnyAsync(a => a.OrganisationId == target && a.SubmittedAt != null)) kinds.AddRange(StaffKind(asker));
        return Grants.OnOrganisation(kinds).Contains(handler.Needs);
    }

    private static Task<bool> IsMemberAsync(PortalDbContext db, Asker asker, Guid organisationId) =>
        db.Organisations.AnyAsync(o => o.Id == organisationId && o.Members.Any(m => m.UserId == asker.UserId));

    private static IEnumerable<GrantKind> StaffKind(Asker asker) => asker.Role switch
    {
        "reviewer" => [GrantKind.Reviewer],
        "approver" => [GrantKind.Approver],
        "admin" => [GrantKind.Admin],
        _ => [],
    };

    private async Task<(HttpStatusCode, string?)> AskAsync(Asker asker, Handler handler, string address, bool htmx)
    {
        (string, string)[] headers = htmx ? [("HX-Request", "true")] : [];
        var http = asker.Client ?? new FormClient(fixture.Factory);
        try
        {
            if (handler.Method == "GET")
            {
                var (response, _) = await http.GetAsync(address, headers);
                return (response.StatusCode, WhereTo(response));
            }
            // A token of this user's session, as the page's own form would carry; the fields are left empty, so an
            // allowed handler answers with its validation, a refused one with 404.
            if (http.LastToken is null) await http.GetAsync("/account/profile");
            var (posted, _) = await http.PostAsync(address, [], headers: headers);
            return (posted.StatusCode, WhereTo(posted));
        }
        finally
        {
            if (asker.Client is null) http.Dispose();
        }
    }

    /// <summary>Where the answer sends the browser: a redirect, or htmx's own redirect header.</summary>
    private static string? WhereTo(HttpResponseMessage response) =>
        response.Headers.Location?.ToString()
        ?? (response.Headers.TryGetValues("HX-Redirect", out var values) ? values.First() : null);

    private async Task<FormClient> SignedInAsync(string email)
    {
        var client = new FormClient(fixture.Factory);
        await client.SignInAsync(email, TestAccounts.Password);
        return client;
    }

    /// <summary>A fresh draft and sent-in application of ours, a draft of theirs, each with one attachment; both coaches have their grant on ours.</summary>
    private async Task<World> WorldAsync(Organisation ours, Organisation theirs, Guid memberId, List<Asker> askers)
    {
        // Above € 1,000, so the scheme asks for an activity plan and each can carry one.
        var draft = await TestApplications.DraftAsync(fixture.Database, ours, costEuros: 1_500);
        var sentIn = await TestApplications.DraftAsync(fixture.Database, ours, costEuros: 1_500);
        var theirsDraft = await TestApplications.DraftAsync(fixture.Database, theirs, costEuros: 1_500);
        await using var db = fixture.Database.NewContext();
        var attachments = new Dictionary<Guid, Guid>();
        foreach (var id in new[] { draft.Id, sentIn.Id, theirsDraft.Id })
        {
            var application = await db.Applications.Include(a => a.Attachments).Include(a => a.BudgetLines).SingleAsync(a => a.Id == id);
            var scheme = await db.Schemes.SingleAsync(s => s.Id == application.SchemeId);
            var attachment = application.Attach(scheme, DocumentKind.ActivityPlan, "plan.pdf", "application/pdf", 4, Actor.Applicant(memberId), DateTimeOffset.UtcNow);
            db.AttachmentFiles.Add(new AttachmentFile { AttachmentId = attachment.Id, Content = "%PDF"u8.ToArray() });
            attachments[id] = attachment.Id;
            if (id == sentIn.Id)
            {
                application.Submit(scheme, ours, declarationAccepted: true, $"NIJ-2026-{Random.Shared.Next(10000, 99999)}",
                    Actor.Applicant(memberId), DateTimeOffset.UtcNow);
            }
        }
        foreach (var (coach, kind) in new[] { ("coach-view", GrantKind.CoachView), ("coach-edit", GrantKind.CoachEdit), ("coach-assisting", GrantKind.Assisting) })
        {
            var coachId = askers.Single(a => a.Name == coach).UserId!.Value;
            CoachGrant Grant(Guid applicationId) => kind == GrantKind.Assisting
                ? CoachGrant.Assisting(applicationId, coachId, DateTimeOffset.UtcNow)
                : new CoachGrant(applicationId, coachId, kind, memberId, DateTimeOffset.UtcNow);
            db.CoachGrants.Add(Grant(draft.Id));
            db.CoachGrants.Add(Grant(sentIn.Id));
        }
        await db.SaveChangesAsync();
        return new World(draft.Id, sentIn.Id, theirsDraft.Id, ours.Id, theirs.Id, attachments);
    }

    private static string Describe(Guid target, World world) =>
        target == world.Draft ? "our draft"
        : target == world.SentIn ? "our sent-in application"
        : target == world.OtherOrganisationsDraft ? "another organisation's draft"
        : target == world.Ours ? "our organisation" : "another organisation";

    /// <summary>Every handler of every page whose address starts with an application's or organisation's id.</summary>
    private async Task<List<Handler>> HandlersAsync()
    {
        var loader = fixture.Factory.Services.GetRequiredService<PageLoader>();
        var handlers = new List<Handler>();
        var unnamed = new List<string>();
        foreach (var endpoint in fixture.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var template = endpoint.RoutePattern.RawText!.TrimStart('/');
            if (NeedsFilter.ScopeOf(template) is not { } scope) continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            foreach (var method in compiled.HandlerMethods)
            {
                if (method.MethodInfo.GetCustomAttribute<NeedsAttribute>() is not { } needs)
                {
                    unnamed.Add($"{template} {method.MethodInfo.Name}");
                    continue;
                }
                handlers.Add(new(template, method.HttpMethod.ToUpperInvariant(), method.Name, needs.Capability, scope));
            }
        }
        Assert.True(unnamed.Count == 0, "Handlers without [Needs]:\n" + string.Join("\n", unnamed));
        return handlers;
    }

    private static string Address(Handler handler, Guid target, World world)
    {
        var path = "/" + Parameter().Replace(handler.Template, m => m.Groups["name"].Value switch
        {
            "id" => target.ToString(),
            "attachmentId" => world.AttachmentOf.GetValueOrDefault(target).ToString(),
            "question" => "title",
            "number" => "1",
            var other => throw new InvalidOperationException($"No value for {{{other}}} in {handler.Template}"),
        });
        return handler.Name is null ? path : $"{path}?handler={handler.Name}";
    }

    [GeneratedRegex(@"\{(?<name>\w+)(:\w+)?\??\}")]
    private static partial Regex Parameter();
}
