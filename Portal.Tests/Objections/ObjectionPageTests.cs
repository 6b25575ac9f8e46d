using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Budget;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Organisations;
using Portal.Domain.Terms;
using Portal.Tests.Infrastructure;
using Portal.TestSupport;

namespace Portal.Tests.Objections;

[CollectionDefinition(ObjectionPageTests.Collection)]
public sealed class ObjectionCollection : ICollectionFixture<DatabaseFixture>;

/// <summary>
/// Issue 12, points 4 and 5 through the pages, without JavaScript: a member objects to a decision with words and a file, gets
/// a receipt page and an email, and staff see it on their list and on the application's pages; late is received and marked;
/// a second click makes nothing new; only the group objects; only an approver reopens, with a reason — the application goes
/// back to review with its budget held again, the applicant is told, the earlier version stays readable, and the next
/// decision gets the next number.
/// </summary>
[Collection(Collection)]
public sealed class ObjectionPageTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public const string Collection = "db: objections";

    private static readonly string[] Criteria = ["Reach", "Participation", "Trust", "Bridging", "Feasibility", "ReasonableBudget"];
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();
    private const string Arabic = "لا أوافق على القرار 🙏 Wij vroegen € 800 en kregen minder.";

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_member_objects_with_a_file_gets_a_receipt_and_an_email_and_staff_see_it_on_their_list_and_the_application()
    {
        var (member, application, reviewer, _) = await DecidedAsync();
        var status = $"/applications/{application.Id}/status";
        var (_, before) = await member.GetAsync(status);
        Assert.Contains("Niet eens met het besluit?", before, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{application.Id}/objection\"", before, StringComparison.Ordinal);

        var (posted, _) = await ObjectAsync(member, application.Id, Arabic, ("brief.pdf", Pdf));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"/applications/{application.Id}/objection/received", posted.Headers.Location?.OriginalString);
        var (_, receipt) = await member.GetAsync($"/applications/{application.Id}/objection/received");
        var shown = WebUtility.HtmlDecode(receipt);
        Assert.Contains("Wij hebben uw reactie ontvangen", shown, StringComparison.Ordinal);
        Assert.Contains(Arabic, shown, StringComparison.Ordinal);
        Assert.Contains("brief.pdf", shown, StringComparison.Ordinal);
        Assert.Contains("Ja. De laatste dag was", shown, StringComparison.Ordinal);
        await using (var db = fixture.Database.NewContext())
        {
            var objection = await db.Set<Objection>().SingleAsync();
            Assert.Equal((Arabic, false, 1), (objection.Text, objection.IsLate, objection.DecisionNumber));
            var file = await db.Set<Attachment>().SingleAsync(a => a.ObjectionId == objection.Id);
            Assert.Equal(Pdf, await db.AttachmentFiles.Where(f => f.AttachmentId == file.Id).Select(f => f.Content).SingleAsync());
            var mail = Assert.Single(await db.EmailMessages.Where(m => m.To == "amina@example.org" && m.Subject.StartsWith("Wij hebben uw reactie")).ToListAsync());
            Assert.Contains("> " + Arabic, mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("Aantal bestanden: 1\n", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("U was op tijd.", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains($"/applications/{application.Id}/objection/received", mail.TextBody, StringComparison.Ordinal);
            var audit = await db.AuditEvents.SingleAsync(a => a.Kind == "application.objection-lodged");
            Assert.Equal(application.Id, audit.ObjectId);
            Assert.DoesNotContain("أوافق", audit.Detail ?? "", StringComparison.Ordinal);
        }
        // On the applicant's timeline, and the status page says it was received.
        var (_, after) = await member.GetAsync(status);
        Assert.Contains("Uw reactie ontvangen: u bent het niet eens met het besluit", after, StringComparison.Ordinal);
        Assert.DoesNotContain($"href=\"/applications/{application.Id}/objection\"", after, StringComparison.Ordinal);

        // Staff: the list, the mark on the reviewer pages and inbox, the objection with its file, the reviewer timeline.
        var (_, list) = await reviewer.GetAsync("/review/objections");
        Assert.Contains("NIJ-2026-00042", list, StringComparison.Ordinal);
        Assert.Contains("Op tijd", list, StringComparison.Ordinal);
        var (_, summary) = await reviewer.GetAsync($"/review/applications/{application.Id}");
        Assert.Contains("Bezwaar ontvangen op", summary, StringComparison.Ordinal);
        var (_, inbox) = await reviewer.GetAsync("/review");
        Assert.Contains("1 wachten", inbox, StringComparison.Ordinal);
        var (_, decisions) = await reviewer.GetAsync($"/review/applications/{application.Id}/decisions");
        Assert.Contains(Arabic, WebUtility.HtmlDecode(decisions), StringComparison.Ordinal);
        Assert.Contains("brief.pdf", decisions, StringComparison.Ordinal);
        Assert.Contains("Alleen een fiatteur kan een besluit heropenen.", decisions, StringComparison.Ordinal);
        var (_, timeline) = await reviewer.GetAsync($"/review/applications/{application.Id}/timeline");
        Assert.Contains("Aanvrager is het niet eens met het besluit", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_words_or_with_too_many_the_form_says_so_plainly_and_keeps_what_was_typed()
    {
        var (member, application, _, _) = await DecidedAsync();

        var (empty, emptyHtml) = await ObjectAsync(member, application.Id, "   ", null);
        var longText = "Mijn reden 😊 " + new string('x', Objection.MaxTextLength);
        var (tooLong, longHtml) = await ObjectAsync(member, application.Id, longText, null);
        var (badFile, badFileHtml) = await ObjectAsync(member, application.Id, Arabic, ("virus.pdf", "MZ\u0090\0"u8.ToArray()));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (empty.StatusCode, tooLong.StatusCode, badFile.StatusCode));
        Assert.Contains("Schrijf waarom u het niet eens bent met het besluit.", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("class=\"error-summary\"", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("Uw tekst is te lang.", longHtml, StringComparison.Ordinal);
        Assert.Contains(longText, WebUtility.HtmlDecode(longHtml), StringComparison.Ordinal);
        Assert.Contains(Arabic, WebUtility.HtmlDecode(badFileHtml), StringComparison.Ordinal);
        Assert.Contains("Kies de bestanden opnieuw.", WebUtility.HtmlDecode(badFileHtml), StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.False(await db.Set<Objection>().AnyAsync());
        Assert.False(await db.Set<Attachment>().AnyAsync(a => a.ObjectionId != null));
    }

    [Fact]
    public async Task A_second_click_makes_no_second_objection_and_no_second_email()
    {
        var (member, application, _, _) = await DecidedAsync();
        var url = $"/applications/{application.Id}/objection";
        await member.GetAsync(url);
        (string, string)[] fields = [("Reason", "Het bedrag klopt niet.")];

        var (first, _) = await member.PostAsync(url, fields);
        var (second, _) = await member.PostAsync(url, [("Reason", "Nog een keer geklikt.")]);
        var (again, _) = await member.GetAsync(url);

        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect), (first.StatusCode, second.StatusCode, again.StatusCode));
        Assert.EndsWith("/objection/received", second.Headers.Location?.OriginalString, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("Het bedrag klopt niet.", (await db.Set<Objection>().SingleAsync()).Text);
        Assert.Equal(1, await db.EmailMessages.CountAsync(m => m.Subject.StartsWith("Wij hebben uw reactie")));
        Assert.Equal(1, await db.AuditEvents.CountAsync(a => a.Kind == "application.objection-lodged"));
    }

    [Fact]
    public async Task After_the_last_day_an_objection_is_still_received_and_marked_late_for_staff_to_judge()
    {
        var (member, application, reviewer, _) = await DecidedAsync();
        // Sent seven weeks ago: the last day (six weeks from the day after sending, Atw) has passed.
        var sentOn = NijmegenTime.DayOf(DateTimeOffset.UtcNow).AddDays(-49);
        var lastDay = Decision.LastDayToObject(sentOn, AtwCalendar.Netherlands);
        await using (var db = fixture.Database.NewContext())
            await db.Database.ExecuteSqlAsync($@"UPDATE ""Decisions"" SET ""SentAt"" = {DateTimeOffset.UtcNow.AddDays(-49)}, ""Channel"" = 'Post', ""ObjectionLastDay"" = {lastDay}");
        var (_, status) = await member.GetAsync($"/applications/{application.Id}/status");
        Assert.Contains("U kunt het toch sturen.", status, StringComparison.Ordinal);

        var (posted, _) = await ObjectAsync(member, application.Id, "Ik was op vakantie.", null);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var (_, receipt) = await member.GetAsync($"/applications/{application.Id}/objection/received");
        Assert.Contains("Nee, de laatste dag was", receipt, StringComparison.Ordinal);
        await using (var db = fixture.Database.NewContext())
        {
            var objection = await db.Set<Objection>().SingleAsync();
            Assert.Equal((true, lastDay), (objection.IsLate, objection.LastDay));
            Assert.Contains("Uw reactie kwam later.", (await db.EmailMessages.SingleAsync(m => m.Subject.StartsWith("Wij hebben uw reactie"))).TextBody,
                StringComparison.Ordinal);
        }
        var (_, list) = await reviewer.GetAsync("/review/objections");
        Assert.Contains("Te laat", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_group_objects_anyone_else_gets_not_found_and_applicants_never_reach_the_staff_pages()
    {
        var (member, application, reviewer, organisation) = await DecidedAsync();
        var (stranger, _) = await fixture.SignedInApplicantAsync("someone@example.org", "Andere groep");
        var (viewCoach, viewCoachId) = await StaffAsync("kijkcoach@example.org", Roles.Coach);
        var (editCoach, editCoachId) = await StaffAsync("helpcoach@example.org", Roles.Coach);
        await using (var db = fixture.Database.NewContext())
        {
            db.CoachGrants.Add(new CoachGrant(application.Id, viewCoachId, GrantKind.CoachView, organisation.Members[0].UserId, DateTimeOffset.UtcNow));
            db.CoachGrants.Add(new CoachGrant(application.Id, editCoachId, GrantKind.CoachEdit, organisation.Members[0].UserId, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var form = $"/applications/{application.Id}/objection";

        foreach (var client in new[] { stranger, viewCoach, reviewer })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(form)).Response.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await ObjectAsync(client, application.Id, "Nee", null)).Response.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"{form}/received")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/applications/{Guid.NewGuid()}/objection")).Response.StatusCode);
        foreach (var page in new[] { "/review/objections", $"/review/applications/{application.Id}/decisions" })
        {
            Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync(page)).Response.StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await editCoach.GetAsync(page)).Response.StatusCode);
        }
        await using (var db = fixture.Database.NewContext()) Assert.False(await db.Set<Objection>().AnyAsync());

        // A coach the group allowed to fill in may object on its behalf; every member hears of it.
        var (byCoach, _) = await ObjectAsync(editCoach, application.Id, "Namens de groep: wij zijn het niet eens.", null);
        Assert.Equal(HttpStatusCode.Redirect, byCoach.StatusCode);
        await using var check = fixture.Database.NewContext();
        Assert.Equal(ActorRole.Coach, (await check.Set<Objection>().SingleAsync()).LodgedAs);
        Assert.True(await check.EmailMessages.AnyAsync(m => m.To == "amina@example.org" && m.Subject.StartsWith("Wij hebben uw reactie")));
    }

    [Fact]
    public async Task Only_an_approver_reopens_with_a_reason_the_applicant_is_told_the_version_stays_and_the_next_decision_is_number_two()
    {
        var (member, application, reviewer, _) = await DecidedAsync();
        await ObjectAsync(member, application.Id, "Het bedrag klopt niet.", null);
        var (approver, _) = await StaffAsync("fiatteur@example.org", Roles.Approver);
        var url = $"/review/applications/{application.Id}/decisions";

        await reviewer.GetAsync(url);
        var (byReviewer, _) = await reviewer.PostAsync(url + "?handler=Reopen", [("Reason", "Fout")]);
        var (_, page) = await approver.GetAsync(url);
        var (noReason, noReasonHtml) = await approver.PostAsync(url + "?handler=Reopen", [("Reason", " ")]);

        Assert.Equal(HttpStatusCode.NotFound, byReviewer.StatusCode);
        Assert.Contains("Heropen het besluit", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Schrijf waarom u het besluit heropent.", noReasonHtml, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Granted, await StatusAsync(application.Id));

        var (reopened, _) = await approver.PostAsync(url + "?handler=Reopen", [("Reason", "Wij rekenden met een verkeerd bedrag.")]);

        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Equal(ApplicationStatus.InReview, await StatusAsync(application.Id));
        await using (var db = fixture.Database.NewContext())
        {
            var decision = await db.Decisions.SingleAsync();
            Assert.False(decision.Stands);
            Assert.Equal("Wij rekenden met een verkeerd bedrag.", decision.ReopenReason);
            Assert.NotNull((await db.Set<Objection>().SingleAsync()).DecisionReopenedAt);
            var reservation = await db.Set<BudgetReservation>().SingleAsync(r => r.ApplicationId == application.Id && r.State != ReservationState.Released);
            Assert.Equal((ReservationState.Reserved, (long?)null), (reservation.State, reservation.GrantedCents));
            var mail = await db.EmailMessages.SingleAsync(m => m.To == "amina@example.org" && m.Subject.StartsWith("Ons besluit over uw aanvraag"));
            Assert.Contains("geldt niet meer", mail.TextBody, StringComparison.Ordinal);
            Assert.Contains("> Wij rekenden met een verkeerd bedrag.", mail.TextBody, StringComparison.Ordinal);
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Kind == "application.decision-reopened" && a.ObjectId == application.Id));
            Assert.True(await db.AuditEvents.AnyAsync(a => a.Kind == "budget.grant-reopened" && a.ObjectId == application.Id));
            var totals = Assert.Single(await Portal.Review.BudgetOverview.RemainingAsync(db, [application.SchemeId]));
            Assert.Equal((application.Requested, Portal.Domain.Money.Money.Zero), (totals.Reserved, totals.Granted));
        }
        // The applicant reads plainly that it no longer stands and what happens next; the earlier version stays linked.
        var (_, status) = await member.GetAsync($"/applications/{application.Id}/status");
        Assert.Contains("Het besluit geldt niet meer", status, StringComparison.Ordinal);
        Assert.Contains("Daarna krijgt u een nieuw besluit.", status, StringComparison.Ordinal);
        // The new decision has the objection's term (art. 7:10 Awb), not the application's old date; no notice of default on it.
        DateOnly decideBy;
        await using (var db = fixture.Database.NewContext())
            decideBy = (await db.Set<Objection>().SingleAsync()).DecideBy(Portal.Domain.Terms.AtwCalendar.Netherlands);
        var newDate = decideBy.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("nl"));
        Assert.Contains($"U krijgt ons nieuwe besluit uiterlijk op \u2068{newDate}\u2069.", status, StringComparison.Ordinal);
        Assert.Contains($"Nieuw besluit: uiterlijk op \u2068{newDate}\u2069", status, StringComparison.Ordinal);
        Assert.DoesNotContain("Besluit: uiterlijk op", status, StringComparison.Ordinal);
        // Told once: not also in the short decision box above it.
        Assert.DoesNotContain("Er komt een nieuw besluit. Wij laten het u weten.", status, StringComparison.Ordinal);
        Assert.DoesNotContain($"/applications/{application.Id}/default\"", status, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{application.Id}/decision/1\"", status, StringComparison.Ordinal);
        var (_, form) = await member.GetAsync($"/applications/{application.Id}/objection");
        Assert.Contains("Er is nu geen besluit waar u het mee oneens kunt zijn.", form, StringComparison.Ordinal);
        // Staff read what version 1 was decided on; a second reopening is refused.
        var (_, staff) = await approver.GetAsync(url);
        Assert.Contains("Waarop besluit 1 rustte", staff, StringComparison.Ordinal);
        Assert.Contains("Kookavond voor moeders", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("Heropen het besluit", staff, StringComparison.Ordinal);

        // Reviewed again: the assessment is a draft again, proposed and decided anew — version 2, the budget spent again.
        var assessment = $"/review/applications/{application.Id}/assessment";
        var (proposed, _) = await reviewer.SubmitAsync(assessment + "?handler=Propose", [.. AllScored(), ("Input.Outcome", "Grant"),
            ("Input.Reasons[Grant]", "FitsScheme")]);
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var (decided, _) = await reviewer.PostAsync(assessment + "?handler=Decide", []);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        await using var check = fixture.Database.NewContext();
        Assert.Equal([(1, false), (2, true)], (await check.Decisions.OrderBy(d => d.Number).ToListAsync()).Select(d => (d.Number, d.Stands)));
        Assert.Equal(ReservationState.Granted, await check.Set<BudgetReservation>().Where(r => r.ApplicationId == application.Id
            && r.State != ReservationState.Released).Select(r => r.State).SingleAsync());
    }

    private static (string, string)[] AllScored() => [.. Criteria.Select(c => ($"Input.Mark[{c}]", "3"))];

    /// <summary>
    /// A granted application with its decision (version 1), decided through the reviewer's pages, its applicant signed in;
    /// and the reviewer (declared no conflict), signed in with a second factor.
    /// </summary>
    private async Task<(FormClient Member, Application Application, FormClient Reviewer, Organisation Organisation)> DecidedAsync()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        // Sent in two days ago: the draw of that day is held, so a grant can be decided today (art. 4:25 Awb, decision record 0016).
        var submitted = await TestApplications.SubmittedAsync(fixture.Database, organisation, submittedAt: DateTimeOffset.UtcNow.AddDays(-2));
        var (reviewer, reviewerId) = await StaffAsync("beoordelaar@example.org", Roles.Reviewer);
        await using (var db = fixture.Database.NewContext())
        {
            var loaded = await db.Applications.Include(a => a.Events).SingleAsync(a => a.Id == submitted.Id);
            loaded.StartReview(Actor.Reviewer(reviewerId), DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        await TestApplications.DeclaredNoConflictAsync(fixture.Database, submitted.Id, reviewerId);
        var url = $"/review/applications/{submitted.Id}/assessment";
        var (proposed, _) = await reviewer.SubmitAsync(url + "?handler=Propose", [.. AllScored(), ("Input.Outcome", "Grant"), ("Input.Reasons[Grant]", "FitsScheme")]);
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var (decided, _) = await reviewer.PostAsync(url + "?handler=Decide", []);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        await using var check = fixture.Database.NewContext();
        Assert.Equal(1, (await check.Decisions.SingleAsync(d => d.ApplicationId == submitted.Id)).Number);
        return (member, await check.Applications.Include(a => a.BudgetLines).SingleAsync(a => a.Id == submitted.Id), reviewer, organisation);
    }

    /// <summary>Objects as a browser without JavaScript: multipart, with the page's token, one file or none.</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> ObjectAsync(FormClient client, Guid applicationId, string text,
        (string Name, byte[] Content)? file)
    {
        var url = $"/applications/{applicationId}/objection";
        await client.GetAsync(url);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(client.LastToken ?? ""), "__RequestVerificationToken");
        form.Add(new StringContent(text), "Reason");
        if (file is { } chosen)
        {
            var content = new ByteArrayContent(chosen.Content);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(content, "Files", chosen.Name);
        }
        var response = await client.Http.PostAsync(url, form);
        return (response, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A staff account with a second factor in <paramref name="roles"/>, signed in.</summary>
    private async Task<(FormClient Client, Guid Id)> StaffAsync(string email, params string[] roles)
    {
        var key = Totp.NewKey();
        var user = await TestAccounts.CreateAsync(fixture.Factory, email, roles[0], authenticatorKey: key);
        using (var scope = fixture.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            foreach (var role in roles.Skip(1)) await users.AddToRoleAsync((await users.FindByIdAsync(user.Id.ToString()))!, role);
        }
        var client = new FormClient(fixture.Factory);
        await client.SignInWithCodeAsync(email, TestAccounts.Password, key);
        return (client, user.Id);
    }

    private async Task<ApplicationStatus> StatusAsync(Guid id)
    {
        await using var db = fixture.Database.NewContext();
        return await db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync();
    }
}
