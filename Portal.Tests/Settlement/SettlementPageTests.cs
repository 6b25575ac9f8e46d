using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Budget;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Organisations;
using Portal.Domain.Terms;
using Portal.Review;
using Portal.Settlement;
using Portal.Tests.Infrastructure;
using Portal.TestSupport;

namespace Portal.Tests.Settlement;

[CollectionDefinition(SettlementPageTests.Collection)]
public sealed class SettlementCollection : ICollectionFixture<DatabaseFixture>;

/// <summary>
/// Issue 12, point 6 through the pages, without JavaScript, on a real database: the group's light report after the
/// activity (kept on bad input, photo optional and checked, consent asked, sent once, only by the group, only after the
/// activity), the reminders (each once, also with two workers at once), and the reviewer's vaststelling (never higher, lower
/// only with a ground and a reason, the difference back in the scheme's budget and its totals).
/// </summary>
[Collection(Collection)]
public sealed class SettlementPageTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public const string Collection = "db: settlement";

    /// <summary>The first bytes of a PNG: enough for the content check, which reads the signature.</summary>
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4];

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static DateOnly Today => NijmegenTime.DayOf(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_refused_report_keeps_everything_typed_and_a_good_one_with_a_photo_is_stored_once_even_after_a_second_click()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = member;
        var application = await VerleendAsync(organisation, endsOn: Today.AddDays(-1));
        var url = $"/applications/{application.Id}/report";
        const string arabic = "جاءت أمهات كثيرات 🎉 en we kookten samen 🍲";

        // The status page asks for the report once the activity has ended.
        var (_, status) = await member.GetAsync($"/applications/{application.Id}/status");
        Assert.Contains(url, status, StringComparison.Ordinal);

        var (refused, html) = await member.SubmitAsync(url, ("Input.Happened", "Yes"), ("Input.People", "veel"), ("Input.WentWell", arabic),
            ("Input.Story", "Fatma leidde de avond."), ("Input.CostAsPlanned", "yes"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = WebUtility.HtmlDecode(html);
        Assert.Contains("Schrijf alleen een getal, bijvoorbeeld 25.", page, StringComparison.Ordinal);
        Assert.Contains(arabic, page, StringComparison.Ordinal);
        Assert.Contains("Fatma leidde de avond.", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.CostAsPlanned\" value=\"yes\" checked", page, StringComparison.Ordinal);

        // A story without an answer to "may we share it" is refused: consent is asked, never assumed.
        var (noConsent, noConsentHtml) = await PostReportAsync(member, url, Png, "kookavond.png", ("Input.Happened", "Yes"), ("Input.People", "٢٥"),
            ("Input.WentWell", arabic), ("Input.CostAsPlanned", "yes"));
        Assert.Equal(HttpStatusCode.OK, noConsent.StatusCode);
        Assert.Contains("Kies of wij uw foto of verhaal mogen delen.", WebUtility.HtmlDecode(noConsentHtml), StringComparison.Ordinal);
        Assert.Contains("Kies de foto opnieuw.", WebUtility.HtmlDecode(noConsentHtml), StringComparison.Ordinal);

        (string, string)[] good = [("Input.Happened", "Partly"), ("Input.People", "٢٥"), ("Input.WentWell", arabic), ("Input.MayShare", "yes"),
            ("Input.CostAsPlanned", "no"), ("Input.ActualCost", "€ 750,50")];
        var (sent, _) = await PostReportAsync(member, url, Png, "kookavond.png", good);
        var (again, _) = await PostReportAsync(member, url, Png, "kookavond.png", good);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("reported=1", sent.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await using (var db = fixture.Database.NewContext())
        {
            var report = Assert.Single(await db.Set<ActivityReport>().ToListAsync());
            Assert.Equal((ActivityHappened.Partly, 25, arabic, 75_050L), (report.Happened, report.PeopleCount!.Value, report.WentWell, report.ActualCostCents!.Value));
            Assert.Equal(("kookavond.png", "image/png", true), (report.PhotoFileName, report.PhotoContentType, report.PhotoMayBeShared));
            Assert.Equal(Png, (await db.Set<ActivityReportPhoto>().SingleAsync()).Content);
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.ObjectId == application.Id && e.Kind == "application.activity-reported"));
        }
        var (_, thanks) = await member.GetAsync($"/applications/{application.Id}/status?reported=1");
        Assert.Contains("Dank u wel! Wij hebben uw verslag ontvangen.", WebUtility.HtmlDecode(thanks), StringComparison.Ordinal);
        var (_, read) = await member.GetAsync(url);
        Assert.Contains(arabic, WebUtility.HtmlDecode(read), StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" enctype", read, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_report_says_at_once_every_answer_that_is_missing()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = member;
        var application = await VerleendAsync(organisation, endsOn: Today.AddDays(-1));

        var (refused, html) = await member.SubmitAsync($"/applications/{application.Id}/report", ("Input.Story", "Fatma leidde de avond."));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = WebUtility.HtmlDecode(html);
        foreach (var message in new[] { "Kies of de activiteit doorging.", "Schrijf kort wat goed ging.", "Kies of wij uw foto of verhaal mogen delen.",
                     "Kies of de activiteit zoveel kostte als in uw plan." })
            Assert.Contains(message, page, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Happened\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_photo_is_optional_and_a_file_that_is_not_a_photo_is_refused_with_nothing_stored()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = member;
        var application = await VerleendAsync(organisation, endsOn: Today);
        var url = $"/applications/{application.Id}/report";
        (string, string)[] answers = [("Input.Happened", "Yes"), ("Input.People", "25"), ("Input.WentWell", "Het was gezellig."),
            ("Input.MayShare", "no"), ("Input.CostAsPlanned", "yes")];

        var (pdf, pdfHtml) = await PostReportAsync(member, url, "%PDF-1.4 nep"u8.ToArray(), "foto.jpg", answers);
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Contains("Photo-error", pdfHtml, StringComparison.Ordinal);
        await using (var db = fixture.Database.NewContext())
            Assert.Empty(await db.Set<ActivityReport>().ToListAsync());

        var (sent, _) = await PostReportAsync(member, url, null, null, answers);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await using var check = fixture.Database.NewContext();
        var report = Assert.Single(await check.Set<ActivityReport>().ToListAsync());
        Assert.False(report.HasPhoto);
        Assert.False(report.MayShare);
        Assert.Empty(await check.Set<ActivityReportPhoto>().ToListAsync());
    }

    [Fact]
    public async Task Before_the_activitys_last_day_the_page_says_from_when_and_a_post_stores_nothing()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = member;
        var application = await VerleendAsync(organisation, endsOn: Today.AddDays(10));
        var url = $"/applications/{application.Id}/report";

        var (_, page) = await member.GetAsync(url);
        var (_, status) = await member.GetAsync($"/applications/{application.Id}/status");
        var (posted, _) = await member.PostAsync(url, [("Input.Happened", "Yes"), ("Input.People", "25"), ("Input.WentWell", "Goed"), ("Input.CostAsPlanned", "yes")]);

        Assert.Contains("U kunt dit verslag sturen vanaf", page, StringComparison.Ordinal);
        Assert.Contains("Na uw activiteit vragen wij een kort verslag.", status, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Empty(await db.Set<ActivityReport>().ToListAsync());
    }

    [Fact]
    public async Task Another_groups_report_page_is_not_found_and_an_application_without_verlening_sends_to_its_status_page()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = member;
        var (other, otherOrganisation) = await fixture.SignedInApplicantAsync("yonas@example.org", "Eritrese jongeren");
        using var __ = other;
        var application = await VerleendAsync(organisation, endsOn: Today.AddDays(-1));
        var direct = await TestApplications.SubmittedAsync(fixture.Database, otherOrganisation, "NIJ-2026-00043");
        var url = $"/applications/{application.Id}/report";

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).Response.StatusCode);
        await other.GetAsync($"/applications/{direct.Id}/status");
        var (posted, _) = await other.PostAsync(url, [("Input.Happened", "Yes"), ("Input.People", "25"), ("Input.WentWell", "Goed"), ("Input.CostAsPlanned", "yes")]);
        Assert.Equal(HttpStatusCode.NotFound, posted.StatusCode);
        // Their own application without a verlening: nothing to report on, so the status page (access is not the question).
        var (own, _) = await other.GetAsync($"/applications/{direct.Id}/report");
        Assert.Equal((HttpStatusCode.Redirect, $"/applications/{direct.Id}/status"), (own.StatusCode, own.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/applications/{Guid.NewGuid()}/report")).Response.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Empty(await db.Set<ActivityReport>().ToListAsync());
    }

    [Fact]
    public async Task Each_reminder_goes_out_once_also_with_two_workers_at_the_same_moment_and_none_after_the_report()
    {
        var amina = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        var organisation = await TestApplications.OrganisationAsync(fixture.Database, amina.Id);
        // In the future, so the portal's own worker (on the real clock) leaves it alone.
        var endsOn = Today.AddDays(30);
        var application = await VerleendAsync(organisation, endsOn);
        var dueSoon = endsOn.AddDays(7 * 13 - 7 * ActivityReport.WeeksBeforeVaststelling - ActivityReport.RemindDaysBeforeDue);

        Assert.Equal(0, await Worker(endsOn.AddDays(-1)).SendDueAsync());
        await Task.WhenAll(Worker(endsOn).SendDueAsync(), Worker(endsOn).SendDueAsync());
        await Worker(endsOn.AddDays(1)).SendDueAsync();
        Assert.Equal(["Hoe ging uw activiteit? Aanvraag NIJ-2026-00042"], await SubjectsAsync());

        await Worker(dueSoon.AddDays(-1)).SendDueAsync();
        await Task.WhenAll(Worker(dueSoon).SendDueAsync(), Worker(dueSoon).SendDueAsync());
        await Worker(dueSoon.AddDays(3)).SendDueAsync();
        Assert.Equal(["Herinnering: uw verslag voor aanvraag NIJ-2026-00042", "Hoe ging uw activiteit? Aanvraag NIJ-2026-00042"], (await SubjectsAsync()).Order());
        var link = await fixture.LinkInMailAsync("amina@example.org", $"/applications/{application.Id}/report");
        Assert.StartsWith(PortalFactory.PublicUrl, link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_given_in_time_stops_the_reminders_and_a_late_start_sends_only_the_later_one()
    {
        var amina = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        var organisation = await TestApplications.OrganisationAsync(fixture.Database, amina.Id);
        var endsOn = Today.AddDays(30);
        var application = await VerleendAsync(organisation, endsOn);
        var late = endsOn.AddDays(7 * 9);

        await Worker(late).SendDueAsync();
        await Worker(late.AddDays(1)).SendDueAsync();
        Assert.Equal(["Herinnering: uw verslag voor aanvraag NIJ-2026-00042"], await SubjectsAsync());

        // Another day than the first: that day's draw is held already, and a held draw never changes.
        var second = await TestApplications.SubmittedAsync(fixture.Database, organisation, "NIJ-2026-00043", DateTimeOffset.UtcNow.AddDays(-3));
        var secondVerlening = await VerleenAsync(second.Id, endsOn);
        await using (var db = fixture.Database.NewContext())
        {
            var verlening = await db.Decisions.SingleAsync(d => d.Id == secondVerlening);
            db.Add(ActivityReport.Submit(verlening, new ActivityReportAnswers(ActivityHappened.Yes, 12, "Goed", null, null, true, null), null,
                Actor.Applicant(amina.Id), DateTimeOffset.UtcNow.AddDays(31)));
            await db.SaveChangesAsync();
        }
        await Worker(endsOn).SendDueAsync();
        await Worker(late).SendDueAsync();
        Assert.DoesNotContain(await SubjectsAsync(), s => s.Contains("NIJ-2026-00043", StringComparison.Ordinal));
        _ = application;
    }

    [Fact]
    public async Task A_vaststelling_lower_than_the_verlening_needs_a_ground_and_a_reason_is_never_higher_and_returns_the_difference_to_the_budget()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = member;
        var application = await VerleendAsync(organisation, endsOn: Today.AddDays(-1));
        var (reviewer, reviewerId) = await StaffAsync("beoordelaar@example.org", Roles.Reviewer);
        await TestApplications.DeclaredNoConflictAsync(fixture.Database, application.Id, reviewerId);
        var url = $"/review/applications/{application.Id}/vaststelling";
        var totalsBefore = await GrantedTotalAsync(application.SchemeId);

        var (_, list) = await reviewer.GetAsync("/review/vaststellingen");
        Assert.Contains(url, list, StringComparison.Ordinal);
        var (_, form) = await reviewer.GetAsync(url);
        Assert.Contains("value=\"€ 800\"", WebUtility.HtmlDecode(Portal.Domain.Common.Bidi.WithoutControls(form)).Replace('\u00a0', ' '), StringComparison.Ordinal);

        var (higher, higherHtml) = await reviewer.SubmitAsync(url, ("Input.Amount", "900"));
        var (noGround, noGroundHtml) = await reviewer.SubmitAsync(url, ("Input.Amount", "500"), ("Input.Reason", "Er kwamen minder mensen."));
        var (noReason, noReasonHtml) = await reviewer.SubmitAsync(url, ("Input.Amount", "500"), ("Input.Ground", "NotTookPlace"));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK), (higher.StatusCode, noGround.StatusCode, noReason.StatusCode));
        Assert.Contains("Het bedrag mag niet hoger zijn dan verleend.", higherHtml, StringComparison.Ordinal);
        Assert.Contains("Kies de reden uit de wet voor een lager bedrag.", noGroundHtml, StringComparison.Ordinal);
        Assert.Contains("Er kwamen minder mensen.", noGroundHtml, StringComparison.Ordinal);
        Assert.Contains("Schrijf uit waarom het bedrag lager is.", noReasonHtml, StringComparison.Ordinal);
        await using (var db = fixture.Database.NewContext())
            Assert.Equal(1, await db.Decisions.CountAsync(d => d.ApplicationId == application.Id));

        (string, string)[] lower = [("Input.Amount", "500"), ("Input.Ground", "NotTookPlace"), ("Input.Reason", "De tweede avond ging niet door.")];
        var (settled, _) = await reviewer.SubmitAsync(url, lower);
        var (again, _) = await reviewer.PostAsync(url, lower);

        Assert.Equal(HttpStatusCode.Redirect, settled.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using (var db = fixture.Database.NewContext())
        {
            var decisions = await db.Decisions.Where(d => d.ApplicationId == application.Id).OrderBy(d => d.Number).ToListAsync();
            Assert.Equal([DecisionKind.Verlening, DecisionKind.Vaststelling], decisions.Select(d => d.Kind));
            var vaststelling = decisions[1];
            Assert.Equal((2, 50_000L, SettlementGround.NotTookPlace, decisions[0].Id), (vaststelling.Number, vaststelling.AmountCents!.Value,
                vaststelling.SettlementGround!.Value, vaststelling.SettlesDecisionId!.Value));
            Assert.Equal("De tweede avond ging niet door.", vaststelling.ReasonText);
            var kinds = await db.AuditEvents.Where(e => e.ObjectId == application.Id).Select(e => e.Kind).ToListAsync();
            Assert.Contains("application.verlening-settled", kinds);
            Assert.Contains("budget.returned", kinds);
            Assert.Equal(50_000, (await db.Set<BudgetReservation>().SingleAsync(r => r.ApplicationId == application.Id)).GrantedCents);
        }
        // € 300 back under the ceiling: in the totals the database keeps for overviews, and in what the ledger counts.
        Assert.Equal(totalsBefore - 30_000, await GrantedTotalAsync(application.SchemeId));
        await using (var check = fixture.Database.NewContext())
        {
            var remaining = Assert.Single(await BudgetOverview.RemainingAsync(check, [application.SchemeId]));
            Assert.Equal(Portal.Domain.Money.Money.FromEuros(500), remaining.Granted);
        }
        var (_, after) = await reviewer.GetAsync("/review/vaststellingen");
        Assert.DoesNotContain(url, after, StringComparison.Ordinal);
        var (_, status) = await member.GetAsync($"/applications/{application.Id}/status");
        Assert.Contains("De gemeente heeft het bedrag definitief gemaakt", WebUtility.HtmlDecode(status), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vaststelling_equal_to_the_verlening_needs_no_ground_and_changes_no_budget_and_applicants_cannot_make_one()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = member;
        var application = await VerleendAsync(organisation, endsOn: Today.AddDays(-1));
        var (reviewer, reviewerId) = await StaffAsync("beoordelaar@example.org", Roles.Reviewer);
        await TestApplications.DeclaredNoConflictAsync(fixture.Database, application.Id, reviewerId);
        var url = $"/review/applications/{application.Id}/vaststelling";
        var totalsBefore = await GrantedTotalAsync(application.SchemeId);

        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync(url)).Response.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await member.GetAsync("/review/vaststellingen")).Response.StatusCode);
        var (settled, _) = await reviewer.SubmitAsync(url, ("Input.Amount", "€ 800"));

        Assert.Equal(HttpStatusCode.Redirect, settled.StatusCode);
        Assert.Equal(totalsBefore, await GrantedTotalAsync(application.SchemeId));
        await using var db = fixture.Database.NewContext();
        var vaststelling = await db.Decisions.SingleAsync(d => d.Kind == DecisionKind.Vaststelling);
        Assert.Equal(80_000, vaststelling.AmountCents);
        Assert.Null(vaststelling.SettlementGround);
    }

    [Fact]
    public async Task The_demo_applicant_has_a_verleend_grant_whose_activity_ended_ready_to_report_on_and_seeding_again_adds_none()
    {
        await SeedDemoAsync();
        await SeedDemoAsync();

        await using var db = fixture.Database.NewContext();
        var verlening = Assert.Single(await db.Decisions.Where(d => d.Kind == DecisionKind.Verlening).ToListAsync());
        Assert.Equal(Today.AddDays(-1), verlening.ActivityEndsOn);
        Assert.True(ActivityReport.Open(verlening, DateTimeOffset.UtcNow));
        Assert.Equal(ReservationState.Granted, (await db.Set<BudgetReservation>().SingleAsync(r => r.ApplicationId == verlening.ApplicationId)).State);
        var member = await db.Users.SingleAsync(u => u.Email == "aanvrager@portal.example");
        Assert.True(await db.Organisations.AnyAsync(o => o.Members.Any(m => m.UserId == member.Id)
            && db.Applications.Any(a => a.Id == verlening.ApplicationId && a.OrganisationId == o.Id)));
    }

    private async Task SeedDemoAsync()
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var host = new Microsoft.Extensions.Hosting.Internal.HostingEnvironment
            { EnvironmentName = "Development", ApplicationName = "Portal", ContentRootPath = AppContext.BaseDirectory };
        await ActivatorUtilities.CreateInstance<DemoData>(scope.ServiceProvider, TimeProvider.System, (Microsoft.Extensions.Hosting.IHostEnvironment)host).SeedAsync();
    }

    private async Task<long> GrantedTotalAsync(int schemeId)
    {
        await using var db = fixture.Database.NewContext();
        return await db.Set<SchemeBudgetTotal>().Where(t => t.SchemeId == schemeId).Select(t => t.GrantedCents).SingleAsync();
    }

    private async Task<List<string>> SubjectsAsync()
    {
        await using var db = fixture.Database.NewContext();
        return await db.EmailMessages.Where(m => m.To == "amina@example.org").Select(m => m.Subject).ToListAsync();
    }

    private ReportReminderWorker Worker(DateOnly day)
    {
        var services = fixture.Factory.Services;
        var noon = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        return new ReportReminderWorker(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<IConfiguration>(),
            NullLogger<ReportReminderWorker>.Instance, new TestClock(noon));
    }

    /// <summary>
    /// A submitted application granted as a verlening (the scheme verleent every grant), through the domain and the
    /// ledger as an approval does, with the activity's last day set to <paramref name="endsOn"/>.
    /// </summary>
    private async Task<Application> VerleendAsync(Organisation organisation, DateOnly endsOn)
    {
        var submitted = await TestApplications.SubmittedAsync(fixture.Database, organisation, submittedAt: DateTimeOffset.UtcNow.AddDays(-2));
        await VerleenAsync(submitted.Id, endsOn);
        return submitted;
    }

    private async Task<Guid> VerleenAsync(Guid applicationId, DateOnly endsOn)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var ledger = scope.ServiceProvider.GetRequiredService<BudgetLedger>();
        await db.Database.ExecuteSqlAsync($"""UPDATE "Schemes" SET "DirectVaststellingUpToCents" = 0""");
        await ledger.HoldDrawsAsync();
        var reviewer = Actor.Reviewer(Guid.NewGuid());
        var approver = Actor.Approver(Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        await using var transaction = await db.Database.BeginTransactionAsync();
        var application = await db.Applications.Include(a => a.Events).Include(a => a.BudgetLines).SingleAsync(a => a.Id == applicationId);
        application.StartReview(reviewer, now);
        application.ProposeDecision(ProposedOutcome.Grant, reviewer, now);
        application.Decide(approver, now);
        await ledger.SpendAsync(application, application.Requested, approver);
        var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == application.SchemeId);
        var verlening = Decision.Take(application, scheme, 1, null, ProposedOutcome.Grant, application.Requested, ["FitsScheme"], null, null,
            ApplicationSnapshot.Of(application), approver, now);
        db.Decisions.Add(verlening);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await db.Database.ExecuteSqlAsync(
            $"""UPDATE "Decisions" SET "ActivityEndsOn" = {endsOn}, "VaststellingDueOn" = {endsOn.AddDays(7 * Decision.VaststellingWeeksAfterActivity)} WHERE "Id" = {verlening.Id}""");
        return verlening.Id;
    }

    /// <summary>Posts the report form as a browser without JavaScript does: multipart, with the page's token, a photo or none.</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> PostReportAsync(FormClient client, string url, byte[]? photo,
        string? fileName, params (string Name, string Value)[] fields)
    {
        await client.GetAsync(url);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(client.LastToken!), "__RequestVerificationToken");
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png"); // what the browser claims does not count
            form.Add(file, "Photo", fileName!);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", "same-origin");
        var response = await client.Http.SendAsync(request);
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
}
