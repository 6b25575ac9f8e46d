using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Accounts;
using Portal.Domain.Decisions;
using Portal.Domain.Organisations;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Decisions;

/// <summary>
/// The decision letter's pages (issue 12 point 2): the group reads the decision that stands and every earlier version; the
/// first opening by a member is recorded once; the status page shows it in short; the PDF downloads; anyone else — another
/// group, a coach without consent, staff on the group's page — gets 404; staff print it from their own page.
/// </summary>
[Collection(DecisionLetterTests.Collection)]
public sealed class DecisionPageTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset SentOnTuesday = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_member_reads_the_letter_with_the_Arabic_summary_and_the_first_opening_is_recorded_once()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org", language: "ar");
        using var _ = member;
        var decision = await DecisionAsync(organisation, new(SentAt: SentOnTuesday));

        var (first, html) = await member.GetAsync($"/applications/{decision.ApplicationId}/decision");
        await member.GetAsync($"/applications/{decision.ApplicationId}/decision");
        await member.GetAsync($"/applications/{decision.ApplicationId}/decision/1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var page = Text(html);
        Assert.Contains("U krijgt € 1.800 voor", page, StringComparison.Ordinal);
        Assert.Contains("lang=\"nl\"", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"ar\" dir=\"rtl\"", html, StringComparison.Ordinal);
        Assert.Contains("الرسالة الهولندية وحدها هي الرسمية", page, StringComparison.Ordinal);
        Assert.Contains("dinsdag 12 januari 2027", page, StringComparison.Ordinal);
        Assert.Contains($"/applications/{decision.ApplicationId}/decision.pdf", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Single(await db.AuditEvents.Where(e => e.Kind == "application.decision-opened" && e.ObjectId == decision.ApplicationId).ToListAsync());
        Assert.NotNull((await db.Decisions.SingleAsync()).FirstOpenedAt);
    }

    [Fact]
    public async Task The_status_page_shows_the_decision_in_short_with_its_link_once_there_is_one()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = member;
        var submitted = await TestApplications.SubmittedAsync(fixture.Database, organisation, "NIJ-2026-00041");
        var (__, before) = await member.GetAsync($"/applications/{submitted.Id}/status");
        Assert.DoesNotContain("/decision\"", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync($"/applications/{submitted.Id}/decision")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await member.GetAsync($"/applications/{submitted.Id}/decision/1")).Response.StatusCode);

        var decision = await DecisionAsync(organisation, new(SentAt: SentOnTuesday));
        var (___, after) = await member.GetAsync($"/applications/{decision.ApplicationId}/status");

        var page = Text(after);
        Assert.Contains("Ons besluit", page, StringComparison.Ordinal);
        Assert.Contains("U krijgt € 1.800.", page, StringComparison.Ordinal);
        // How to object and until when: said once on the page (in the objection part), not again in the short box.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, System.Text.RegularExpressions.Regex.Escape(
            "Dan kunt u bezwaar (een verzoek om opnieuw naar het besluit te kijken) maken.")));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(page, "tot en met 12 januari 2027"));
        Assert.Contains($"href=\"/applications/{decision.ApplicationId}/decision\"", after, StringComparison.Ordinal);
        // Showing the status page is not opening the decision.
        await using var db = fixture.Database.NewContext();
        Assert.Null((await db.Decisions.SingleAsync()).FirstOpenedAt);
    }

    [Fact]
    public async Task A_reopened_decision_says_it_no_longer_stands_and_points_to_the_one_that_does()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var signedIn = member;
        var first = await DecisionAsync(organisation, new(Portal.Domain.Applications.ProposedOutcome.Refuse, SentAt: SentOnTuesday));
        var second = await TestDecisions.ReopenAndDecideAgainAsync(fixture.Database, first, "Na uw bezwaar keken wij opnieuw.");
        var id = first.ApplicationId;

        var (_, current) = await member.GetAsync($"/applications/{id}/decision");
        var (_, earlier) = await member.GetAsync($"/applications/{id}/decision/1");

        Assert.Contains("U krijgt € 1.800 voor", Text(current), StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{id}/decision/1\"", current, StringComparison.Ordinal);
        Assert.DoesNotContain("Dit besluit geldt niet meer", Text(current), StringComparison.Ordinal);
        Assert.Contains("Dit besluit geldt niet meer.", Text(earlier), StringComparison.Ordinal);
        Assert.Contains("Na uw bezwaar keken wij opnieuw.", Text(earlier), StringComparison.Ordinal);
        Assert.Contains("U krijgt geen subsidie voor", Text(earlier), StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{id}/decision/{second.Number}\"", earlier, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/applications/{id}/decision/3")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await member.GetAsync($"/applications/{id}/decision.pdf?number=3")).Response.StatusCode);
    }

    [Fact]
    public async Task The_PDF_downloads_for_the_group_and_for_staff()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = member;
        var decision = await DecisionAsync(organisation, new(SentAt: SentOnTuesday));
        var (reviewer, reviewerId) = await StaffAsync("beoordelaar@example.org", Roles.Reviewer);
        using var __ = reviewer;
        await TestApplications.DeclaredNoConflictAsync(fixture.Database, decision.ApplicationId, reviewerId);

        var response = await member.Http.GetAsync($"/applications/{decision.ApplicationId}/decision.pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var staff = await reviewer.Http.GetAsync($"/review/applications/{decision.ApplicationId}/decision.pdf");
        var (printed, printView) = await reviewer.GetAsync($"/review/applications/{decision.ApplicationId}/decision");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("besluit-NIJ-2026-00042-1.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("U krijgt € 1.800 voor Kookavond voor moeders.", PdfText.Joined(pdf).Replace('\u00A0', ' '), StringComparison.Ordinal);
        // A sent decision's PDF is the one kept on file: staff download the same document.
        Assert.Equal(pdf, await staff.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, printed.StatusCode);
        Assert.Contains("Verstuurd op", Text(printView), StringComparison.Ordinal);
        Assert.Contains("U krijgt € 1.800 voor", Text(printView), StringComparison.Ordinal);
        Assert.Contains($"/review/applications/{decision.ApplicationId}/decision\"", printView, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_group_a_coach_without_consent_and_staff_on_the_groups_page_get_404_and_nothing_is_recorded()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = member;
        var decision = await DecisionAsync(organisation, new(SentAt: SentOnTuesday));
        var (other, __) = await fixture.SignedInApplicantAsync("samir@example.org", "Buurtgroep Lindenholt");
        using var ___ = other;
        var (coach, coachId) = await StaffAsync("coach@example.org", Roles.Coach);
        using var ____ = coach;
        var (reviewer, _____) = await StaffAsync("beoordelaar@example.org", Roles.Reviewer);
        using var ______ = reviewer;
        var id = decision.ApplicationId;
        string[] pages = [$"/applications/{id}/decision", $"/applications/{id}/decision/1", $"/applications/{id}/decision.pdf"];

        foreach (var client in new[] { other, coach, reviewer })
        foreach (var page in pages)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(page)).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/applications/{Guid.NewGuid()}/decision")).Response.StatusCode);
        // Staff pages are for staff: a member or a coach gets nothing there; a reviewer who has not declared is sent to declare first.
        foreach (var client in new[] { member, coach })
            Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync($"/review/applications/{id}/decision")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.GetAsync($"/review/applications/{id}/decision")).Response.StatusCode);

        // With the group's consent the coach reads along; a coach reading is not the group's receipt.
        await using (var db = fixture.Database.NewContext())
        {
            db.CoachGrants.Add(new CoachGrant(id, coachId, GrantKind.CoachView, organisation.Members[0].UserId, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        Assert.Equal(HttpStatusCode.OK, (await coach.GetAsync(pages[0])).Response.StatusCode);
        await using var check = fixture.Database.NewContext();
        Assert.Null((await check.Decisions.SingleAsync()).FirstOpenedAt);
        Assert.Empty(await check.AuditEvents.Where(e => e.Kind == "application.decision-opened").ToListAsync());
    }

    private async Task<Decision> DecisionAsync(Organisation organisation, TestDecisions.Options options)
    {
        var reviewer = await TestAccounts.CreateAsync(fixture.Factory, $"beslisser-{Guid.NewGuid():N}@example.org", Roles.Reviewer);
        return await TestDecisions.TakeAsync(fixture.Database, organisation, reviewer.Id, options);
    }

    private static string Text(string html) => Portal.Domain.Common.Bidi.WithoutControls(WebUtility.HtmlDecode(html)).Replace('\u00A0', ' ');

    /// <summary>A staff account with a second factor, signed in.</summary>
    private async Task<(FormClient Client, Guid Id)> StaffAsync(string email, string role)
    {
        var key = Totp.NewKey();
        var user = await TestAccounts.CreateAsync(fixture.Factory, email, role, authenticatorKey: key);
        var client = new FormClient(fixture.Factory);
        await client.SignInWithCodeAsync(email, TestAccounts.Password, key);
        return (client, user.Id);
    }
}
