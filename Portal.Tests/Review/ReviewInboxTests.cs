using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Access;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Domain.Review;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using Portal.Tests.Infrastructure;
using Portal.TestSupport;

namespace Portal.Tests.Review;

[CollectionDefinition(ReviewDb.Name)]
public sealed class ReviewCollection : ICollectionFixture<DatabaseFixture>;

public static class ReviewDb
{
    public const string Name = "db: review inbox";
}

/// <summary>
/// Issue 11, points 1, 3, 4 and 10: the reviewers' inbox (sent-in applications only, overdue first, keyset pages, filters),
/// the conflict-of-interest declaration that opens the full application or bars the reviewer from it, assignment (one
/// winner when two take it at once) and hand-over, the audited view and the timeline.
/// </summary>
[Collection(ReviewDb.Name)]
public sealed class ReviewInboxTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record Reviewer(Guid Id, string Email, FormClient Client);

    private async Task<Reviewer> ReviewerAsync(string email, string role = Roles.Reviewer)
    {
        var key = Totp.NewKey();
        var user = await TestAccounts.CreateAsync(fixture.Factory, email, role, authenticatorKey: key);
        var client = new FormClient(fixture.Factory);
        await client.SignInWithCodeAsync(email, TestAccounts.Password, key);
        return new Reviewer(user.Id, email, client);
    }

    /// <summary>An application sent in on <paramref name="at"/>, through the domain (so its review case is made as in the portal).</summary>
    private async Task<Application> SentInAsync(Organisation organisation, string reference, DateTimeOffset at, string scheme = DemoSchemes.SamenDoen,
        string neighbourhood = "Zuid/Hatert")
    {
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation, at: at, scheme: scheme);
        await using var db = fixture.Database.NewContext();
        var application = await db.Applications.Include(a => a.BudgetLines).Include(a => a.Events).SingleAsync(a => a.Id == draft.Id);
        var by = Actor.Applicant(organisation.Members[0].UserId);
        if (neighbourhood != application.Neighbourhood)
            application.DescribeActivity(application.Title, application.Description, application.ForWhom, application.ParticipantCount, neighbourhood,
                application.StartsOn, application.EndsOn, application.HowOthersJoin, by, at);
        var schemeRow = await db.Schemes.SingleAsync(s => s.Id == application.SchemeId);
        var group = await db.Organisations.Include(o => o.Members).SingleAsync(o => o.Id == organisation.Id);
        application.Submit(schemeRow, group, declarationAccepted: true, reference, by, at);
        await db.SaveChangesAsync();
        return application;
    }

    private async Task<Organisation> GroupAsync(string name, string email)
    {
        var member = await TestAccounts.CreateAsync(fixture.Factory, email, Roles.Applicant);
        return await TestApplications.OrganisationAsync(fixture.Database, member.Id, name);
    }

    private static async Task DeclareNoConflictAsync(Reviewer reviewer, Guid applicationId)
    {
        var (declared, _) = await reviewer.Client.SubmitAsync($"/review/applications/{applicationId}?handler=Declare", ("HasConflict", "false"));
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
    }

    [Fact]
    public async Task The_inbox_lists_only_sent_in_applications_overdue_first_in_keyset_pages_without_repeats()
    {
        var group = await GroupAsync("Moedergroep Hatert", "amina@example.org");
        var draft = await TestApplications.DraftAsync(fixture.Database, group);
        var now = DateTimeOffset.UtcNow;
        // 30 applications, one sent in every third day: the oldest are past their legal date (8 weeks for Samen Doen).
        for (var i = 0; i < 30; i++) await SentInAsync(group, $"NIJ-2026-{i + 100:00000}", now.AddDays(-3 * i));
        using var reviewer = (await ReviewerAsync("reviewer@example.org")).Client;

        var (first, page1) = await reviewer.GetAsync("/review");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var next = System.Text.RegularExpressions.Regex.Match(page1, "href=\"(/review\\?[^\"]*After=[^\"]+)\" rel=\"next\"").Groups[1].Value;
        Assert.NotEmpty(next);
        var (_, page2) = await reviewer.GetAsync(WebUtility.HtmlDecode(next));

        var onFirst = References(page1);
        var onSecond = References(page2);
        Assert.Equal(25, onFirst.Count);
        Assert.Equal(5, onSecond.Count);
        Assert.Empty(onFirst.Intersect(onSecond));
        // Overdue first: the oldest application (sent in 87 days ago) leads, the newest comes last.
        Assert.Equal("NIJ-2026-00129", onFirst[0]);
        Assert.Equal("NIJ-2026-00100", onSecond[^1]);
        Assert.Contains("Verlopen", page1, StringComparison.Ordinal);
        Assert.DoesNotContain(draft.Id.ToString(), page1 + page2, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", page2, StringComparison.Ordinal);
        // Every row's dates come from the Awb model: the newest one's legal date is 8 weeks on, moved past a weekend or holiday.
        await using var db = fixture.Database.NewContext();
        var newest = await db.Set<ReviewCase>().SingleAsync(c => c.Reference == "NIJ-2026-00100");
        Assert.Equal(AtwCalendar.Netherlands.TermEndingOn(NijmegenTime.DayOf(now).AddDays(56)), newest.LegalDate);
    }

    private static List<string> References(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, @">(NIJ-2026-\d{5})</a>").Select(m => m.Groups[1].Value).ToList();

    [Fact]
    public async Task Filters_narrow_the_inbox_by_scheme_state_assignment_district_first_time_coaching_search_and_news()
    {
        var hatert = await GroupAsync("Moedergroep Hatert", "amina@example.org");
        var lindenholt = await GroupAsync("Voetbal Lindenholt", "samir@example.org");
        var now = DateTimeOffset.UtcNow;
        var cooking = await SentInAsync(hatert, "NIJ-2026-00001", now.AddDays(-2));
        var football = await SentInAsync(lindenholt, "NIJ-2026-00002", now.AddDays(-1), neighbourhood: "Lindenholt/Vogelzang");
        var again = await SentInAsync(hatert, "NIJ-2026-00003", now, scheme: DemoSchemes.SamenDoen);
        var me = await ReviewerAsync("reviewer@example.org");
        using var client = me.Client;
        // One in review (the inbox row follows the state), one shared with a coach.
        await using (var db = fixture.Database.NewContext())
        {
            var application = await db.Applications.Include(a => a.Events).SingleAsync(a => a.Id == football.Id);
            application.StartReview(Actor.Reviewer(me.Id), now);
            var coach = await TestAccounts.CreateAsync(fixture.Factory, "coach@example.org", Roles.Coach);
            db.CoachGrants.Add(new CoachGrant(cooking.Id, coach.Id, GrantKind.CoachView, hatert.Members[0].UserId, now));
            await db.SaveChangesAsync();
        }
        await DeclareNoConflictAsync(me, cooking.Id);
        await client.SubmitAsync($"/review/applications/{cooking.Id}?handler=Assign");

        Assert.Equal(["NIJ-2026-00001", "NIJ-2026-00002", "NIJ-2026-00003"], await ListedAsync(client, ""));
        Assert.Equal(["NIJ-2026-00002"], await ListedAsync(client, "Status=InReview"));
        Assert.Equal(["NIJ-2026-00001"], await ListedAsync(client, "Assigned=Mine"));
        Assert.Equal(["NIJ-2026-00002", "NIJ-2026-00003"], await ListedAsync(client, "Assigned=Unassigned"));
        Assert.Equal(["NIJ-2026-00002"], await ListedAsync(client, "District=Lindenholt"));
        Assert.Equal(["NIJ-2026-00001", "NIJ-2026-00003"], await ListedAsync(client, "District=Zuid"));
        // Hatert's second application is not its first; Lindenholt's only one is.
        Assert.Equal(["NIJ-2026-00001", "NIJ-2026-00002"], await ListedAsync(client, "FirstTime=true"));
        Assert.Equal(["NIJ-2026-00001"], await ListedAsync(client, "Coached=true"));
        Assert.Equal(["NIJ-2026-00002"], await ListedAsync(client, "Search=lindenHOLT"));
        Assert.Equal(["NIJ-2026-00003"], await ListedAsync(client, "Search=00003"));
        Assert.Empty(await ListedAsync(client, "Search=%25"));
        var schemeId = await SchemeIdAsync(DemoSchemes.SamenDoen);
        Assert.Equal(3, (await ListedAsync(client, $"Scheme={schemeId}")).Count);
        Assert.Empty(await ListedAsync(client, $"Scheme={schemeId + 1}"));

        // "New since I last looked": the plain visits above were looks; what arrives after the last one is new.
        await client.GetAsync("/review");
        await SentInAsync(lindenholt, "NIJ-2026-00004", DateTimeOffset.UtcNow.AddSeconds(1));
        await client.GetAsync("/review");
        Assert.Equal(["NIJ-2026-00004"], await ListedAsync(client, "New=true"));
        Assert.Contains("<span class=\"review-tag\">Nieuw</span>", (await client.GetAsync("/review?Search=00004")).Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<span class=\"review-tag\">Nieuw</span>", (await client.GetAsync("/review?Search=00003")).Html, StringComparison.Ordinal);
        _ = again;
    }

    private async Task<int> SchemeIdAsync(string slug)
    {
        await using var db = fixture.Database.NewContext();
        return await db.Schemes.Where(s => s.Slug == slug).Select(s => s.Id).SingleAsync();
    }

    private static async Task<List<string>> ListedAsync(FormClient client, string query)
    {
        var (response, html) = await client.GetAsync("/review?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return References(html).Order().ToList();
    }

    [Fact]
    public async Task Applicants_and_coaches_never_reach_a_reviewer_page_and_a_draft_is_not_found_for_a_reviewer()
    {
        var (applicantClient, group) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var applicant = applicantClient;
        var sentIn = await SentInAsync(group, "NIJ-2026-00001", DateTimeOffset.UtcNow);
        var draft = await TestApplications.DraftAsync(fixture.Database, group);
        var coachKey = Totp.NewKey();
        await TestAccounts.CreateAsync(fixture.Factory, "coach@example.org", Roles.Coach, authenticatorKey: coachKey);
        using var coach = new FormClient(fixture.Factory);
        await coach.SignInWithCodeAsync("coach@example.org", TestAccounts.Password, coachKey);
        using var reviewer = (await ReviewerAsync("reviewer@example.org")).Client;

        string[] pages = ["/review", "/review/settings", "/review/declarations", $"/review/applications/{sentIn.Id}",
            $"/review/applications/{sentIn.Id}/timeline"];
        foreach (var client in new[] { applicant, coach })
            foreach (var page in pages)
            {
                var (response, html) = await client.GetAsync(page);
                Assert.True(response.StatusCode == HttpStatusCode.NotFound
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.PathAndQuery.StartsWith("/error/403", StringComparison.Ordinal)),
                    $"{page}: {(int)response.StatusCode} {response.Headers.Location}");
                Assert.DoesNotContain("NIJ-2026-00001", html, StringComparison.Ordinal);
            }
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/review/applications/{draft.Id}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/review/applications/{draft.Id}/timeline")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.PostAsync($"/review/applications/{draft.Id}?handler=Assign", [])).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/review/applications/{Guid.NewGuid()}")).Response.StatusCode);
    }

    [Fact]
    public async Task Before_declaring_the_reviewer_sees_only_a_summary_and_a_conflict_bars_them_from_every_page_of_the_application()
    {
        var group = await GroupAsync("Moedergroep Hatert", "amina@example.org");
        var application = await SentInAsync(group, "NIJ-2026-00001", DateTimeOffset.UtcNow);
        var karin = await ReviewerAsync("karin@example.org");
        var joost = await ReviewerAsync("joost@example.org");
        using var admin = (await ReviewerAsync("lead@example.org", Roles.Admin)).Client;
        var url = $"/review/applications/{application.Id}";

        var (_, summary) = await karin.Client.GetAsync(url);
        Assert.Contains("Moedergroep Hatert", summary, StringComparison.Ordinal);
        Assert.Contains("Hebt u een persoonlijk belang?", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("Wij koken samen", summary, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await karin.Client.GetAsync(url + "/timeline")).Response.StatusCode);
        var (_, notTaken) = await karin.Client.PostAsync(url + "?handler=Assign", []);
        Assert.Contains("Verklaar eerst of u een persoonlijk belang hebt.", notTaken, StringComparison.Ordinal);

        // A conflict needs a why; what was typed stays.
        var (_, noWhy) = await karin.Client.SubmitAsync(url + "?handler=Declare", ("HasConflict", "true"), ("Explanation", " "));
        Assert.Contains("Schrijf kort welk belang u hebt.", noWhy, StringComparison.Ordinal);
        var (declared, _) = await karin.Client.SubmitAsync(url + "?handler=Declare", ("HasConflict", "true"),
            ("Explanation", "Mijn zus kookt mee."), ("ToReviewer", joost.Id.ToString()));

        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);
        foreach (var barred in new[] { url, url + "/timeline", $"/applications/{application.Id}/status" })
            Assert.Equal(HttpStatusCode.NotFound, (await karin.Client.GetAsync(barred)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await karin.Client.PostAsync(url + "?handler=Assign", [])).Response.StatusCode);
        await using (var db = fixture.Database.NewContext())
        {
            var reviewCase = await db.Set<ReviewCase>().SingleAsync();
            Assert.Equal(joost.Id, reviewCase.ReviewerId);
            Assert.Single(await db.AuditEvents.Where(a => a.Kind == "application.conflict-declared" && a.ObjectId == application.Id).ToListAsync());
            // The colleague hears that there is a conflict, not what it is: that is for the team lead.
            var toJoost = await db.EmailMessages.SingleAsync(m => m.To == "joost@example.org");
            Assert.Contains("Ik heb een persoonlijk belang bij deze aanvraag.", toJoost.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain("Mijn zus", toJoost.TextBody, StringComparison.Ordinal);
        }
        // Joost still may open it, once he declared; the team lead sees Karin's declaration.
        Assert.Equal(HttpStatusCode.OK, (await joost.Client.GetAsync(url)).Response.StatusCode);
        var (_, declarations) = await admin.GetAsync("/review/declarations");
        Assert.Contains("karin@example.org", declarations, StringComparison.Ordinal);
        Assert.Contains("Mijn zus kookt mee.", declarations, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, (await joost.Client.GetAsync("/review/declarations")).Response.StatusCode);
    }

    [Fact]
    public async Task After_declaring_no_conflict_the_full_application_opens_each_view_is_audited_and_the_timeline_tells_it()
    {
        var group = await GroupAsync("Moedergroep Hatert", "amina@example.org");
        var application = await SentInAsync(group, "NIJ-2026-00001", DateTimeOffset.UtcNow);
        var karin = await ReviewerAsync("karin@example.org");
        var url = $"/review/applications/{application.Id}";

        await DeclareNoConflictAsync(karin, application.Id);
        var (_, full) = await karin.Client.GetAsync(url);
        await karin.Client.GetAsync(url);

        Assert.Contains("Wij koken samen en praten over opvoeden in twee culturen.", full, StringComparison.Ordinal);
        Assert.Contains($"href=\"/review/applications/{application.Id}/assessment\"", full, StringComparison.Ordinal);
        Assert.Contains($"href=\"/review/applications/{application.Id}/requests\"", full, StringComparison.Ordinal);
        await using (var db = fixture.Database.NewContext())
        {
            // The summary before the declaration is no view of the application; each opening after it is.
            var views = await db.AuditEvents.Where(a => a.Kind == "application.viewed-by-staff" && a.ObjectId == application.Id).ToListAsync();
            Assert.Equal(2, views.Count);
            Assert.All(views, v => Assert.Equal(karin.Id, v.UserId));
        }
        var (_, timeline) = await karin.Client.GetAsync(url + "/timeline");
        Assert.Contains("Aanvraag bekeken", timeline, StringComparison.Ordinal);
        Assert.Contains("Verklaard: geen persoonlijk belang", timeline, StringComparison.Ordinal);
        Assert.Contains("Aanvraag ingediend", timeline, StringComparison.Ordinal);
        Assert.True(timeline.IndexOf("Aanvraag bekeken", StringComparison.Ordinal) < timeline.IndexOf("Aanvraag ingediend", StringComparison.Ordinal),
            "newest first");
    }

    [Fact]
    public async Task Of_two_reviewers_taking_an_application_at_the_same_moment_exactly_one_has_it()
    {
        var group = await GroupAsync("Moedergroep Hatert", "amina@example.org");
        var application = await SentInAsync(group, "NIJ-2026-00001", DateTimeOffset.UtcNow);
        var karin = await ReviewerAsync("karin@example.org");
        var joost = await ReviewerAsync("joost@example.org");
        await DeclareNoConflictAsync(karin, application.Id);
        await DeclareNoConflictAsync(joost, application.Id);
        var url = $"/review/applications/{application.Id}?handler=Assign";

        var answers = await Task.WhenAll(karin.Client.PostAsync(url, []), joost.Client.PostAsync(url, []));

        Assert.Single(answers, a => a.Response.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(answers, a => a.Html.Contains("Een collega heeft deze aanvraag net genomen.", StringComparison.Ordinal));
        await using var db = fixture.Database.NewContext();
        var winner = (await db.Set<ReviewCase>().SingleAsync()).ReviewerId;
        Assert.Contains(winner, new Guid?[] { karin.Id, joost.Id });
        Assert.Single(await db.AuditEvents.Where(a => a.Kind == "application.reviewer-assigned").ToListAsync());
    }

    [Fact]
    public async Task A_hand_over_needs_a_note_and_is_mailed_only_to_a_colleague_who_wants_mail_about_each_event()
    {
        var group = await GroupAsync("Moedergroep Hatert", "amina@example.org");
        var application = await SentInAsync(group, "NIJ-2026-00001", DateTimeOffset.UtcNow);
        var karin = await ReviewerAsync("karin@example.org");
        var joost = await ReviewerAsync("joost@example.org");
        var sanne = await ReviewerAsync("sanne@example.org");
        var (saved, _) = await sanne.Client.SubmitAsync("/review/settings", ("Frequency", "Never"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("checked", (await sanne.Client.GetAsync("/review/settings")).Html.Split("value=\"Never\"")[1][..20], StringComparison.Ordinal);
        var url = $"/review/applications/{application.Id}";
        await DeclareNoConflictAsync(karin, application.Id);
        await karin.Client.SubmitAsync(url + "?handler=Assign");

        var (_, noNote) = await karin.Client.SubmitAsync(url + "?handler=HandOver", ("ToReviewer", joost.Id.ToString()), ("Note", " "));
        Assert.Contains("Schrijf voor uw collega kort wat al gedaan is.", noNote, StringComparison.Ordinal);
        var (handedOver, _) = await karin.Client.SubmitAsync(url + "?handler=HandOver", ("ToReviewer", joost.Id.ToString()),
            ("Note", "Begroting klopt; nog bellen over de zaalhuur."));
        Assert.Equal(HttpStatusCode.Redirect, handedOver.StatusCode);
        await DeclareNoConflictAsync(joost, application.Id);
        var (_, joostSees) = await joost.Client.GetAsync(url);
        Assert.Contains("Begroting klopt; nog bellen over de zaalhuur.", joostSees, StringComparison.Ordinal);
        await joost.Client.SubmitAsync(url + "?handler=HandOver", ("ToReviewer", sanne.Id.ToString()), ("Note", "Voor jou, ik ben met verlof."));

        await using var db = fixture.Database.NewContext();
        Assert.Equal(sanne.Id, (await db.Set<ReviewCase>().SingleAsync()).ReviewerId);
        var toJoost = await db.EmailMessages.SingleAsync(m => m.To == "joost@example.org");
        Assert.Equal("Aanvraag NIJ-2026-00001 is aan u overgedragen", toJoost.Subject);
        Assert.Contains("> Begroting klopt; nog bellen over de zaalhuur.", toJoost.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/review/applications/{application.Id}", toJoost.TextBody, StringComparison.Ordinal);
        Assert.False(await db.EmailMessages.AnyAsync(m => m.To == "sanne@example.org"), "Sanne chose never to be mailed");
        Assert.Equal(2, await db.AuditEvents.CountAsync(a => a.Kind == "application.handed-over"));
    }

    [Fact]
    public async Task A_digest_reviewer_gets_no_mail_at_once_and_one_digest_a_day_of_what_others_did_on_their_applications()
    {
        var group = await GroupAsync("Moedergroep Hatert", "amina@example.org");
        var mine = await SentInAsync(group, "NIJ-2026-00001", DateTimeOffset.UtcNow.AddDays(-3));
        var handed = await SentInAsync(group, "NIJ-2026-00002", DateTimeOffset.UtcNow.AddDays(-2));
        var other = await SentInAsync(group, "NIJ-2026-00003", DateTimeOffset.UtcNow.AddDays(-1));
        var karin = await ReviewerAsync("karin@example.org");
        var joost = await ReviewerAsync("joost@example.org");
        await karin.Client.GetAsync("/review/settings");
        var (saved, _) = await karin.Client.SubmitAsync("/review/settings", ("Frequency", "DailyDigest"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        foreach (var (reviewer, id) in new[] { (karin, mine.Id), (joost, handed.Id), (joost, other.Id) })
        {
            await DeclareNoConflictAsync(reviewer, id);
            await reviewer.Client.SubmitAsync($"/review/applications/{id}?handler=Assign");
        }
        await joost.Client.SubmitAsync($"/review/applications/{handed.Id}?handler=HandOver", ("ToReviewer", karin.Id.ToString()), ("Note", "Voor jou."));
        // The group writes on Karin's application and on Joost's.
        using (var scope = fixture.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Portal.Data.PortalDbContext>();
            var member = await db.Organisations.Where(o => o.Id == group.Id).SelectMany(o => o.Members).Select(m => m.UserId).FirstAsync();
            var desk = scope.ServiceProvider.GetRequiredService<Portal.Requests.RequestDesk>();
            foreach (var id in new[] { mine.Id, other.Id })
                await desk.WriteAsync(await db.Applications.Include(a => a.InformationRequests).SingleAsync(a => a.Id == id), "Wij hebben een vraag.",
                    Portal.Requests.RequestDesk.Audience.Thread,
                    Actor.Applicant(member));
        }
        await using (var db = fixture.Database.NewContext())
        {
            Assert.False(await db.EmailMessages.AnyAsync(m => m.To == "karin@example.org"), "Karin chose the digest: nothing at once");
            Assert.True(await db.EmailMessages.AnyAsync(m => m.To == "joost@example.org" && m.TextBody.Contains("Wij hebben een vraag.")));
        }

        // Tomorrow at 08:00 in Nijmegen: one digest, with Karin's two applications and not Joost's.
        var tomorrow = NijmegenTime.DayOf(DateTimeOffset.UtcNow).AddDays(1);
        var clock = new TestClock(new DateTimeOffset(tomorrow.ToDateTime(new TimeOnly(8, 0)), NijmegenTime.Local(DateTimeOffset.UtcNow).Offset));
        int first, again;
        using (var scope = fixture.Factory.Services.CreateScope())
        {
            var services = scope.ServiceProvider;
            var digest = new Portal.Review.ReviewDigest(services.GetRequiredService<Portal.Data.PortalDbContext>(), clock,
                services.GetRequiredService<Portal.Infrastructure.Localization.PortalText>(), services.GetRequiredService<Portal.Infrastructure.Web.PublicLinks>());
            first = await digest.SendDueAsync();
            clock.Advance(TimeSpan.FromHours(3));
            again = await digest.SendDueAsync();
        }
        Assert.Equal((1, 0), (first, again));
        await using var check = fixture.Database.NewContext();
        var mail = await check.EmailMessages.SingleAsync(m => m.To == "karin@example.org");
        Assert.Equal("2 nieuwe dingen bij uw aanvragen", mail.Subject);
        Assert.Contains("Aanvraag NIJ-2026-00001 – er is een nieuw bericht van de aanvrager of de coach.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Aanvraag NIJ-2026-00002 – deze aanvraag is aan u overgedragen.", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("NIJ-2026-00003", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_completeness_request_with_a_term_moves_the_row_to_waiting_and_its_dates_are_computed_afresh_each_day()
    {
        var group = await GroupAsync("Moedergroep Hatert", "amina@example.org");
        var sentAt = DateTimeOffset.UtcNow.AddDays(-20);
        var application = await SentInAsync(group, "NIJ-2026-00001", sentAt);
        var askedAt = DateTimeOffset.UtcNow.AddDays(-6);
        await using (var db = fixture.Database.NewContext())
        {
            var loaded = await db.Applications.Include(a => a.Events).SingleAsync(a => a.Id == application.Id);
            var reviewer = Actor.Reviewer(Guid.NewGuid());
            loaded.StartReview(reviewer, askedAt);
            loaded.RequestCompletion(null, NijmegenTime.DayOf(DateTimeOffset.UtcNow).AddDays(14), AtwCalendar.Netherlands, reviewer, askedAt);
            await db.SaveChangesAsync();
        }
        using var client = (await ReviewerAsync("reviewer@example.org")).Client;

        var (_, html) = await client.GetAsync("/review?Status=InformationRequested");

        Assert.Equal(["NIJ-2026-00001"], References(html));
        Assert.Contains("De termijn staat stil.", html, StringComparison.Ordinal);
        await using var check = fixture.Database.NewContext();
        var stored = await check.Set<ReviewCase>().SingleAsync();
        var fresh = await check.Applications.Include(a => a.InformationRequests).Include(a => a.DelayConsents).Include(a => a.TermExtensions)
            .SingleAsync(a => a.Id == application.Id);
        var scheme = await check.Schemes.SingleAsync(s => s.Id == fresh.SchemeId);
        var today = fresh.DecisionTerm(scheme, AtwCalendar.Netherlands, DateTimeOffset.UtcNow)!;
        Assert.Equal(ApplicationStatus.InformationRequested, stored.Status);
        // Stored as of the day of the request; shown as of today: the days waiting for the answer do not count.
        Assert.True(today.LegalDate > stored.LegalDate, $"{today.LegalDate} after {stored.LegalDate}");
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Portal.Applications.ApplicationDisplay.Date(today.LegalDate, new System.Globalization.CultureInfo("nl"))),
            html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_that_renames_itself_is_found_in_the_inbox_by_its_new_name()
    {
        var group = await GroupAsync("Moedergroep Hatert", "amina@example.org");
        await SentInAsync(group, "NIJ-2026-00001", DateTimeOffset.UtcNow.AddDays(-3));
        await using (var db = fixture.Database.NewContext())
        {
            var stored = await db.Organisations.Include(o => o.Members).SingleAsync(o => o.Id == group.Id);
            stored.Rename("Vrouwen van Hatert", Actor.Applicant(stored.Members[0].UserId), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        using var client = (await ReviewerAsync("reviewer@example.org")).Client;

        var (_, found) = await client.GetAsync("/review?Assigned=Anyone&Search=vrouwen van");
        var (_, old) = await client.GetAsync("/review?Assigned=Anyone&Search=Moedergroep");

        Assert.Equal(["NIJ-2026-00001"], References(found));
        Assert.Contains("Vrouwen van Hatert", found, StringComparison.Ordinal);
        Assert.Empty(References(old));
    }

    [Fact]
    public async Task A_notice_of_default_and_a_completeness_term_run_out_unused_are_marked_on_the_row_with_their_dates()
    {
        var group = await GroupAsync("Moedergroep Hatert", "amina@example.org");
        var late = await SentInAsync(group, "NIJ-2026-00001", DateTimeOffset.UtcNow.AddDays(-7 * 10));
        var unanswered = await SentInAsync(group, "NIJ-2026-00002", DateTimeOffset.UtcNow.AddDays(-40));
        var askedAt = DateTimeOffset.UtcNow.AddDays(-30);
        DateOnly notProcessBy;
        await using (var db = fixture.Database.NewContext())
        {
            var scheme = await db.Schemes.SingleAsync(s => s.Slug == DemoSchemes.SamenDoen);
            var member = await db.Organisations.Where(o => o.Id == group.Id).SelectMany(o => o.Members).Select(m => m.UserId).FirstAsync();
            var overdue = await db.Applications.Include(a => a.Events).Include(a => a.InformationRequests).SingleAsync(a => a.Id == late.Id);
            overdue.SendDefaultNotice(scheme, null, Actor.Applicant(member), DateTimeOffset.UtcNow);
            var waiting = await db.Applications.Include(a => a.Events).Include(a => a.InformationRequests).SingleAsync(a => a.Id == unanswered.Id);
            var reviewer = Actor.Reviewer(Guid.NewGuid());
            waiting.StartReview(reviewer, askedAt);
            waiting.RequestCompletion(null, NijmegenTime.DayOf(askedAt).AddDays(14), AtwCalendar.Netherlands, reviewer, askedAt);
            waiting.TendRequests(DateTimeOffset.UtcNow);
            notProcessBy = waiting.NotProcessDecisionDueOn(AtwCalendar.Netherlands)!.Value;
            await db.SaveChangesAsync();
        }
        using var client = (await ReviewerAsync("reviewer@example.org")).Client;

        var (_, html) = await client.GetAsync("/review?Assigned=Anyone");

        var dutch = new System.Globalization.CultureInfo("nl");
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("Ingebrekestelling ontvangen op " + Portal.Applications.ApplicationDisplay.Date(NijmegenTime.DayOf(DateTimeOffset.UtcNow), dutch), text,
            StringComparison.Ordinal);
        Assert.Contains("Besluit tot niet behandelen uiterlijk " + Portal.Applications.ApplicationDisplay.Date(notProcessBy, dutch), text, StringComparison.Ordinal);
        // Four weeks after the term ran out (art. 4:5(4) Awb).
        Assert.True(notProcessBy >= NijmegenTime.DayOf(askedAt).AddDays(14 + 28));
    }

    [Fact]
    public async Task A_page_of_the_inbox_costs_the_same_round_trips_for_3_rows_as_for_25_and_numbers_no_table()
    {
        var group = await GroupAsync("Moedergroep Hatert", "amina@example.org");
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 3; i++) await SentInAsync(group, $"NIJ-2026-{i + 100:00000}", now.AddDays(-i));
        using var client = (await ReviewerAsync("reviewer@example.org")).Client;
        await client.GetAsync("/review?Assigned=Anyone");
        var few = await CostAsync(client);
        for (var i = 3; i < 30; i++) await SentInAsync(group, $"NIJ-2026-{i + 100:00000}", now.AddDays(-i));
        await client.GetAsync("/review?Assigned=Anyone");

        var many = await CostAsync(client);
        var (last, html) = await client.GetAsync("/review?Assigned=Anyone");

        Assert.Equal(25, References(html).Count);
        Assert.Equal(few, many);
        Assert.Equal(0, Header(last, RoundTrips.WindowHeader));
    }

    /// <summary>
    /// The inbox's round trips: the lesser of two looks, as in RoundTripTests — the session's check is remembered for a few
    /// seconds and its "last seen" is written once a minute, so one look of a slow run may carry one of those.
    /// </summary>
    private static async Task<int> CostAsync(FormClient client)
    {
        var (first, _) = await client.GetAsync("/review?Assigned=Anyone");
        var (second, _) = await client.GetAsync("/review?Assigned=Anyone");
        return Math.Min(Header(first, RoundTrips.Header), Header(second, RoundTrips.Header));
    }

    private static int Header(HttpResponseMessage response, string name) => int.Parse(response.Headers.GetValues(name).Single(),
        System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_demo_data_gives_the_readme_reviewer_a_living_inbox_once()
    {
        for (var i = 0; i < 2; i++)
        {
            using var scope = fixture.Factory.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<Portal.Data.DemoData>().SeedAsync();
        }

        await using var db = fixture.Database.NewContext();
        var cases = await db.Set<ReviewCase>().ToListAsync();
        var today = NijmegenTime.DayOf(DateTimeOffset.UtcNow);
        var reviewer = await db.Users.SingleAsync(u => u.Email == "reviewer@portal.example");
        Assert.Equal(8, cases.Count); // seven to review, and the demo applicant's verleend grant to settle (issue 12, point 6)
        Assert.Contains(cases, c => c.LegalDate < today);
        // Every state the README promises: an open completeness request, an unused term, a proposal for the approver, a notice of default.
        Assert.Contains(cases, c => c.Status == ApplicationStatus.InformationRequested);
        Assert.Single(await db.Applications.Where(a => a.InformationRequests.Any(r => r.LapsedAt != null) && a.Status == ApplicationStatus.InReview).ToListAsync());
        Assert.Single(await db.Set<Portal.Domain.Assessment.ApplicationAssessment>()
            .Where(a => a.State == Portal.Domain.Assessment.AssessmentState.Proposed && a.NeedsApproval).ToListAsync());
        Assert.Single(await db.Set<DefaultNotice>().ToListAsync());
        Assert.Contains(cases, c => c.LegalDate >= today && ReviewInboxDays(today, c.LegalDate) <= 5);
        Assert.Contains(cases, c => c.ReviewerId == reviewer.Id && c.Status == ApplicationStatus.InReview);
        Assert.Equal(4, await db.Set<InterestDeclaration>().CountAsync(d => d.ReviewerId == reviewer.Id && !d.HasConflict));
        Assert.DoesNotContain(await db.Applications.Where(a => a.Status == ApplicationStatus.Draft).Select(a => a.Id).ToListAsync(),
            id => cases.Any(c => c.ApplicationId == id));
    }

    private static int ReviewInboxDays(DateOnly today, DateOnly date) => Portal.Review.ReviewInbox.DaysLeft(today, date, AtwCalendar.Netherlands);
}
