using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Organisations;
using Portal.Domain.Terms;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// The decision term on both sides (issue 11, point 2): the applicant sees the legal and the service-target date, and
/// once the legal date has passed sends a notice of default (art. 4:17 Awb); the reviewer sees the term, extends it
/// before the legal date (4:14) and sees the penalty a notice makes run.
/// </summary>
[Collection(Db.Applications)]
public sealed class DecisionTermPageTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private readonly string reviewerKey = Totp.NewKey();

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_status_page_names_the_legal_date_and_the_earlier_service_target_and_offers_no_notice_yet()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation);
        var term = await TermAsync(application.Id);

        var (_, html) = await client.GetAsync($"/applications/{application.Id}/status");
        var (_, page) = await client.GetAsync($"/applications/{application.Id}/default");

        var text = WebUtility.HtmlDecode(html);
        Assert.Contains($"U hoort uiterlijk op {Shown(term.LegalDate)} of u het geld krijgt.", text);
        Assert.Contains($"Wij proberen het eerder te doen: vóór {Shown(term.ServiceTargetDate)}.", text);
        Assert.DoesNotContain($"/applications/{application.Id}/default", html);
        Assert.Contains($"Dit kan pas als de datum voor ons besluit voorbij is. Wij beslissen uiterlijk op {Shown(term.LegalDate)}.",
            WebUtility.HtmlDecode(page));
        Assert.DoesNotContain("<textarea", page);
    }

    [Fact]
    public async Task Before_the_legal_date_a_forged_notice_is_refused_and_nothing_is_stored()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation);
        await client.GetAsync($"/applications/{application.Id}/status");

        var (response, _) = await client.PostAsync($"/applications/{application.Id}/default", [("Statement", "Te laat!")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.False(await db.Set<DefaultNotice>().AnyAsync());
    }

    [Fact]
    public async Task Once_the_legal_date_has_passed_a_member_sends_a_notice_of_default_and_gets_a_receipt_once()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation, submittedAt: DateTimeOffset.UtcNow.AddDays(-7 * 10));
        var (_, status) = await client.GetAsync($"/applications/{application.Id}/status");
        var (_, form) = await client.GetAsync($"/applications/{application.Id}/default");

        var (sent, _) = await client.PostAsync($"/applications/{application.Id}/default", [("Statement", "ننتظر منذ وقت طويل 🙏")]);
        var (again, _) = await client.PostAsync($"/applications/{application.Id}/default", [("Statement", "Nog eens")]);
        var (_, receipt) = await client.GetAsync($"/applications/{application.Id}/default");
        var (_, after) = await client.GetAsync($"/applications/{application.Id}/status");

        Assert.Contains($"href=\"/applications/{application.Id}/default\"", status);
        Assert.Contains("Ingebrekestelling versturen", form);
        Assert.Equal((HttpStatusCode.Redirect, HttpStatusCode.Redirect), (sent.StatusCode, again.StatusCode));
        var firstDay = DateOnly.FromDateTime(ToNijmegen(DateTimeOffset.UtcNow)).AddDays(14);
        Assert.Contains($"Hebben wij op {Shown(firstDay)} nog niet beslist?", WebUtility.HtmlDecode(receipt));
        Assert.Contains("Uw ingebrekestelling is ontvangen op", after);
        Assert.DoesNotContain($"href=\"/applications/{application.Id}/default\"", after);
        await using var db = fixture.Database.NewContext();
        var notice = await db.Set<DefaultNotice>().SingleAsync();
        Assert.Equal("ننتظر منذ وقت طويل 🙏", notice.Statement);
        var mail = await db.EmailMessages.SingleAsync(m => m.Subject.StartsWith("Wij hebben uw ingebrekestelling ontvangen"));
        Assert.Equal("amina@example.org", mail.To);
        Assert.Contains($"Hebben wij op {firstDay.ToString("d MMMM yyyy", Dutch)}", mail.TextBody.Replace("\u2068", "").Replace("\u2069", ""));
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Kind == "application.default-notice-received"));
    }

    [Fact]
    public async Task A_statement_that_is_too_long_is_refused_in_plain_words_and_kept()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation, submittedAt: DateTimeOffset.UtcNow.AddDays(-7 * 10));
        await client.GetAsync($"/applications/{application.Id}/default");
        var typed = string.Concat(Enumerable.Repeat("Wij wachten. ", 200));

        var (response, html) = await client.PostAsync($"/applications/{application.Id}/default", [("Statement", typed)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("error-summary", html);
        Assert.Contains(WebUtility.HtmlEncode(typed.Trim()), html);
        await using var db = fixture.Database.NewContext();
        Assert.False(await db.Set<DefaultNotice>().AnyAsync());
    }

    [Fact]
    public async Task Another_applicant_gets_not_found_and_cannot_send_a_notice()
    {
        var (_, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation, submittedAt: DateTimeOffset.UtcNow.AddDays(-7 * 10));
        var (stranger, _) = await fixture.SignedInApplicantAsync("stranger@example.org", "Andere groep");
        await stranger.GetAsync("/applications");

        var (page, _) = await stranger.GetAsync($"/applications/{application.Id}/default");
        var (post, _) = await stranger.PostAsync($"/applications/{application.Id}/default", [("Statement", "x")]);
        var (review, _) = await stranger.GetAsync($"/review/applications/{application.Id}/term");

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (page.StatusCode, post.StatusCode));
        Assert.NotEqual(HttpStatusCode.OK, review.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.False(await db.Set<DefaultNotice>().AnyAsync());
    }

    [Fact]
    public async Task The_reviewer_extends_before_the_legal_date_with_a_reason_the_applicant_reads()
    {
        var (_, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation);
        var reviewer = await SignedInReviewerAsync(application.Id);
        var page = $"/review/applications/{application.Id}/term";
        var term = await TermAsync(application.Id);
        var newDate = term.LegalDate.AddDays(28);

        var (_, before) = await reviewer.GetAsync(page);
        var (empty, emptyHtml) = await reviewer.PostAsync(page, [("Input.NewDate.Day", ""), ("Input.NewDate.Month", ""), ("Input.NewDate.Year", ""),
            ("Input.Reason", "")]);
        var (earlier, earlierHtml) = await reviewer.PostAsync(page, DateFields(term.LegalDate.AddDays(-1), "Veel aanvragen tegelijk"));
        var (extended, _) = await reviewer.PostAsync(page, DateFields(newDate, "Er kwamen heel veel aanvragen tegelijk binnen."));

        Assert.Contains(Shown(term.LegalDate), WebUtility.HtmlDecode(before));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Vul de nieuwe datum in.", emptyHtml);
        Assert.Contains("Schrijf op waarom het besluit later komt.", emptyHtml);
        Assert.Contains("De nieuwe datum moet later zijn", earlierHtml);
        Assert.Contains("Veel aanvragen tegelijk</textarea>", earlierHtml);
        Assert.Equal(HttpStatusCode.Redirect, extended.StatusCode);
        var after = await TermAsync(application.Id);
        Assert.Equal(AtwCalendar.Netherlands.TermEndingOn(newDate), after.LegalDate);
        await using var db = fixture.Database.NewContext();
        var notice = await db.EmailMessages.SingleAsync(m => m.Subject.StartsWith("Wij hebben meer tijd nodig"));
        Assert.Equal("amina@example.org", notice.To);
        Assert.Contains("> Er kwamen heel veel aanvragen tegelijk binnen.", notice.TextBody);
    }

    [Fact]
    public async Task After_the_legal_date_the_reviewer_cannot_extend_and_sees_the_penalty_a_notice_makes_run()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation, submittedAt: DateTimeOffset.UtcNow.AddDays(-7 * 10));
        await client.GetAsync($"/applications/{application.Id}/default");
        await client.PostAsync($"/applications/{application.Id}/default", [("Statement", "Wij wachten al lang.")]);
        var reviewer = await SignedInReviewerAsync(application.Id);
        var page = $"/review/applications/{application.Id}/term";

        var (_, html) = await reviewer.GetAsync(page);
        var (post, _) = await reviewer.PostAsync(page, DateFields(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30), "Te laat verlengd"));

        Assert.Contains("Ingebrekestelling ontvangen", html);
        Assert.Contains("Wij wachten al lang.", html);
        Assert.Contains("De dwangsom loopt vanaf", html);
        Assert.Contains("Hoogstens", html);
        Assert.DoesNotContain("Input.Reason", html);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.False(await db.Set<TermExtension>().AnyAsync());
    }

    private static readonly CultureInfo Dutch = new("nl");

    private static string Shown(DateOnly day) => $"\u2068{day.ToString("d MMMM yyyy", Dutch)}\u2069";

    private static DateTime ToNijmegen(DateTimeOffset moment) =>
        TimeZoneInfo.ConvertTime(moment, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam")).DateTime;

    private static (string, string)[] DateFields(DateOnly day, string reason) =>
    [
        ("Input.NewDate.Day", day.Day.ToString(CultureInfo.InvariantCulture)), ("Input.NewDate.Month", day.Month.ToString(CultureInfo.InvariantCulture)),
        ("Input.NewDate.Year", day.Year.ToString(CultureInfo.InvariantCulture)), ("Input.Reason", reason),
    ];

    private async Task<DecisionTerm> TermAsync(Guid applicationId)
    {
        await using var db = fixture.Database.NewContext();
        var application = await db.Applications.Include(a => a.InformationRequests).Include(a => a.DelayConsents).Include(a => a.TermExtensions)
            .SingleAsync(a => a.Id == applicationId);
        var scheme = await db.Schemes.SingleAsync(s => s.Id == application.SchemeId);
        return application.DecisionTerm(scheme, AtwCalendar.Netherlands, DateTimeOffset.UtcNow)!;
    }

    /// <summary>A reviewer signed in with the second factor, who declared no personal interest in the application.</summary>
    private async Task<FormClient> SignedInReviewerAsync(Guid applicationId)
    {
        var user = await TestAccounts.CreateAsync(fixture.Factory, "reviewer@example.org", Roles.Reviewer, authenticatorKey: reviewerKey);
        await TestApplications.DeclaredNoConflictAsync(fixture.Database, applicationId, user.Id);
        var client = new FormClient(fixture.Factory);
        await client.SignInWithCodeAsync("reviewer@example.org", TestAccounts.Password, reviewerKey);
        return client;
    }
}
