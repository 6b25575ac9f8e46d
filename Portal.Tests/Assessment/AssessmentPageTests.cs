using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Assessment;
using Portal.Domain.Decisions;
using Portal.Domain.Common;
using Portal.Tests.Infrastructure;
using Portal.TestSupport;

namespace Portal.Tests.Assessment;

[CollectionDefinition(AssessmentPageTests.Collection)]
public sealed class AssessmentCollection : ICollectionFixture<DatabaseFixture>;

/// <summary>
/// Issue 11 points 7 and 8 through the pages, without JavaScript: the reviewer's draft keeps everything typed, also on bad
/// input; without names when the scheme says so; each reviewer's draft is their own; four-eyes — the approver sends back
/// or approves, never their own proposal; applicants and coaches never reach these pages.
/// </summary>
[Collection(Collection)]
public sealed class AssessmentPageTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public const string Collection = "db: assessment";

    private static readonly string[] Criteria = ["Reach", "Participation", "Trust", "Bridging", "Feasibility", "ReasonableBudget"];

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Scores_are_saved_as_a_draft_and_bad_input_gets_a_plain_error_and_loses_nothing_typed()
    {
        var application = await SubmittedAsync();
        var (reviewer, reviewerId) = await StaffAsync("beoordelaar@example.org", Roles.Reviewer);
        await ReviewerReadyAsync(application, reviewer, reviewerId);
        var url = $"/review/applications/{application.Id}/assessment";
        var line = application.BudgetLines[0].Id;

        var (response, html) = await reviewer.SubmitAsync(url + "?handler=Save",
            ("Input.Mark[Reach]", "4"), ("Input.Note[Reach]", "Veel moeders uit Hatert doen mee."),
            ("Input.Mark[Trust]", "9"), ("Input.Outcome", "PartialGrant"),
            ($"Input.Cut[{line}]", "twee tientjes"), ($"Input.CutReason[{line}]", "Alcohol betalen wij niet."));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(html);
        Assert.Contains("Kies een score op de schaal, n.v.t. of meer informatie nodig.", page, StringComparison.Ordinal);
        Assert.Contains("Veel moeders uit Hatert doen mee.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"twee tientjes\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Alcohol betalen wij niet.\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Mark[Trust]\" value=\"9\" checked", page, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Mark[Reach]\" value=\"4\" checked", page, StringComparison.Ordinal);
        // What could be taken is saved: the score and note of Reach, the outcome; the bad score and amount are not.
        await using (var db = fixture.Database.NewContext())
        {
            var draft = await db.Set<ApplicationAssessment>().Include(a => a.Scores).SingleAsync();
            Assert.Equal(reviewerId, draft.AssessorId);
            Assert.Equal(4, draft.ScoreOf("Reach")!.Value);
            Assert.Equal("Veel moeders uit Hatert doen mee.", draft.ScoreOf("Reach")!.Note);
            Assert.Null(draft.ScoreOf("Trust"));
            Assert.Equal(ProposedOutcome.PartialGrant, draft.Outcome);
            Assert.Contains(await db.AuditEvents.Select(e => e.Kind).ToListAsync(), k => k == "application.assessment-saved");
        }

        // Reading the page again shows the saved draft.
        var (_, again) = await reviewer.GetAsync(url);
        Assert.Contains("Veel moeders uit Hatert doen mee.", WebUtility.HtmlDecode(again), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_names_the_group_is_hidden_while_scoring_and_the_reviewer_is_warned_that_texts_may_still_name_people()
    {
        var application = await SubmittedAsync();
        var (reviewer, reviewerId) = await StaffAsync("beoordelaar@example.org", Roles.Reviewer);
        await ReviewerReadyAsync(application, reviewer, reviewerId);
        var url = $"/review/applications/{application.Id}/assessment";

        var (_, hidden) = await reviewer.GetAsync(url);
        Assert.DoesNotContain("Moedergroep Hatert", hidden, StringComparison.Ordinal);
        Assert.Contains("antwoorden, bijlagen en samenvattingen kunnen toch namen noemen", WebUtility.HtmlDecode(hidden), StringComparison.Ordinal);

        // A scheme that does not assess without names shows the group.
        await using (var db = fixture.Database.NewContext())
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AssessmentFrameworks\" SET \"AssessWithoutNames\" = false");
        var (_, named) = await reviewer.GetAsync(url);
        Assert.Contains("Moedergroep Hatert", named, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_reviewers_draft_stays_theirs_each_reviewer_writes_their_own()
    {
        var application = await SubmittedAsync();
        var (first, firstId) = await StaffAsync("eerste@example.org", Roles.Reviewer);
        var (second, secondId) = await StaffAsync("tweede@example.org", Roles.Reviewer);
        await ReviewerReadyAsync(application, first, firstId);
        await ReviewerReadyAsync(application, second, secondId);
        var url = $"/review/applications/{application.Id}/assessment";
        await first.SubmitAsync(url + "?handler=Save", ("Input.Mark[Reach]", "2"), ("Input.Note[Reach]", "Mijn eigen twijfel"));

        var (_, secondView) = await second.GetAsync(url);
        Assert.DoesNotContain("Mijn eigen twijfel", secondView, StringComparison.Ordinal);
        await second.SubmitAsync(url + "?handler=Save", ("Input.Mark[Reach]", "5"));

        await using var db = fixture.Database.NewContext();
        var drafts = await db.Set<ApplicationAssessment>().Include(a => a.Scores).ToListAsync();
        Assert.Equal(2, drafts.Count);
        Assert.Equal(2, drafts.Single(d => d.AssessorId == firstId).ScoreOf("Reach")!.Value);
        Assert.Equal("Mijn eigen twijfel", drafts.Single(d => d.AssessorId == firstId).ScoreOf("Reach")!.Note);
        Assert.Equal(5, drafts.Single(d => d.AssessorId == secondId).ScoreOf("Reach")!.Value);
    }

    [Fact]
    public async Task Below_the_threshold_the_reviewer_decides_a_grant_themselves()
    {
        var application = await SubmittedAsync();
        var (reviewer, reviewerId) = await StaffAsync("beoordelaar@example.org", Roles.Reviewer);
        await ReviewerReadyAsync(application, reviewer, reviewerId);
        var url = $"/review/applications/{application.Id}/assessment";

        var (proposed, _) = await reviewer.SubmitAsync(url + "?handler=Propose", [.. AllScored(), ("Input.Outcome", "Grant"),
            ("Input.Reasons[Grant]", "FitsScheme")]);
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var (_, page) = await reviewer.GetAsync(url);
        Assert.Contains("U neemt zelf het besluit.", page, StringComparison.Ordinal);
        var (decided, _) = await reviewer.PostAsync(url + "?handler=Decide", []);

        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(ApplicationStatus.Granted, await StatusAsync(application.Id));
        // € 800 is below the scheme's threshold for a directe vaststelling: the grant is final at once.
        await using var db = fixture.Database.NewContext();
        var decision = await db.Decisions.SingleAsync(d => d.ApplicationId == application.Id);
        Assert.Equal((DecisionKind.DirectVaststelling, 80_000L, 80_000L), (decision.Kind, decision.AmountCents, decision.RequestedCents));
    }

    [Fact]
    public async Task A_decided_grant_spends_its_budget_reservation_and_a_grant_the_ceiling_cannot_hold_is_refused_plainly()
    {
        var application = await SubmittedAsync();
        var (reviewer, reviewerId) = await StaffAsync("beoordelaar@example.org", Roles.Reviewer);
        await ReviewerReadyAsync(application, reviewer, reviewerId);
        var url = $"/review/applications/{application.Id}/assessment";
        // Only € 1 of the scheme's budget is left: the form says so before the reviewer proposes.
        await using (var db = fixture.Database.NewContext())
            await db.Database.ExecuteSqlAsync($@"UPDATE ""Schemes"" SET ""BudgetCeilingCents"" = 100 WHERE ""Id"" = {application.SchemeId}");
        var (_, form) = await reviewer.GetAsync(url);
        Assert.Contains($"Er is nog {Portal.Domain.Money.Money.FromEuros(1).Format()} over voor deze aanvraag.", WebUtility.HtmlDecode(form), StringComparison.Ordinal);
        Assert.Contains("voor zover het subsidieplafond", form, StringComparison.Ordinal);
        await reviewer.SubmitAsync(url + "?handler=Propose", [.. AllScored(), ("Input.Outcome", "Grant"), ("Input.Reasons[Grant]", "FitsScheme")]);

        var (refused, html) = await reviewer.PostAsync(url + "?handler=Decide", []);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Dit bedrag past niet meer in het budget.", html, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.DecisionProposed, await StatusAsync(application.Id));
        Assert.Equal(Portal.Domain.Budget.ReservationState.Reserved, await ReservationStateAsync(application.Id));

        // With the budget back, the same decision goes through and spends the reservation in the same change.
        await using (var db = fixture.Database.NewContext())
            await db.Database.ExecuteSqlAsync($@"UPDATE ""Schemes"" SET ""BudgetCeilingCents"" = 100000000 WHERE ""Id"" = {application.SchemeId}");
        var (decided, _) = await reviewer.PostAsync(url + "?handler=Decide", []);
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        Assert.Equal(ApplicationStatus.Granted, await StatusAsync(application.Id));
        Assert.Equal(Portal.Domain.Budget.ReservationState.Granted, await ReservationStateAsync(application.Id));
        // The totals the database keeps for overviews moved with it: nothing held, the request granted.
        await using var check = fixture.Database.NewContext();
        var remaining = Assert.Single(await Portal.Review.BudgetOverview.RemainingAsync(check, [application.SchemeId]));
        Assert.Equal((Portal.Domain.Money.Money.Zero, application.Requested), (remaining.Reserved, remaining.Granted));
    }

    [Fact]
    public async Task A_message_arriving_while_the_reviewer_decides_stops_the_proposal_until_they_have_seen_it()
    {
        var application = await SubmittedAsync();
        var (reviewer, reviewerId) = await StaffAsync("beoordelaar@example.org", Roles.Reviewer);
        await ReviewerReadyAsync(application, reviewer, reviewerId);
        var url = $"/review/applications/{application.Id}/assessment";
        var (_, opened) = await reviewer.GetAsync(url);
        var seen = FormClient.HiddenFields(opened).Single(f => f.Name == "Seen");

        // While the reviewer fills in the form, the group writes.
        using (var scope = fixture.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var loaded = await db.Applications.Include(a => a.InformationRequests).SingleAsync(a => a.Id == application.Id);
            var member = await db.Organisations.Where(o => o.Id == loaded.OrganisationId).SelectMany(o => o.Members).Select(m => m.UserId).FirstAsync();
            await scope.ServiceProvider.GetRequiredService<Portal.Requests.RequestDesk>().WriteAsync(loaded, "Wij hebben nog een offerte gekregen.",
                Portal.Requests.RequestDesk.Audience.Thread, Actor.Applicant(member));
        }
        (string, string)[] proposal = [.. AllScored(), ("Input.Outcome", "Refuse"), ("Input.Reasons[Refuse]", "NotFeasible"), seen];
        var (stopped, html) = await reviewer.PostAsync(url + "?handler=Propose", proposal);

        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        Assert.Contains("De aanvrager heeft intussen iets gestuurd. Lees dat eerst.", html, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.InReview, await StatusAsync(application.Id));
        // Having seen the page again, the same proposal goes through.
        var fresh = FormClient.HiddenFields(html).Single(f => f.Name == "Seen");
        var (proposed, _) = await reviewer.PostAsync(url + "?handler=Propose", [.. proposal[..^1], fresh]);
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        Assert.Equal(ApplicationStatus.DecisionProposed, await StatusAsync(application.Id));
    }

    [Fact]
    public async Task Before_declaring_no_conflict_every_reviewer_page_of_the_application_sends_the_reviewer_to_its_summary()
    {
        var application = await SubmittedAsync();
        var (reviewer, _) = await StaffAsync("beoordelaar@example.org", Roles.Reviewer);
        var summary = $"/review/applications/{application.Id}";

        foreach (var part in new[] { "/assessment", "/requests", "/messages", "/term" })
        {
            var (response, _) = await reviewer.GetAsync(summary + part);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(summary, response.Headers.Location?.OriginalString);
        }
        await reviewer.GetAsync(summary);
        var (posted, _) = await reviewer.PostAsync(summary + "/assessment?handler=Save", []);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
    }

    [Fact]
    public async Task A_refusal_goes_to_an_approver_who_sends_it_back_with_a_note_and_later_approves_it()
    {
        var application = await SubmittedAsync();
        var (reviewer, reviewerId) = await StaffAsync("beoordelaar@example.org", Roles.Reviewer);
        var (approver, _) = await StaffAsync("fiatteur@example.org", Roles.Approver);
        await ReviewerReadyAsync(application, reviewer, reviewerId);
        var url = $"/review/applications/{application.Id}/assessment";
        var approval = $"/review/applications/{application.Id}/approval";

        // Not yet proposed: the reason is missing, said plainly, and the draft is kept.
        var (missing, missingHtml) = await reviewer.SubmitAsync(url + "?handler=Propose", [.. AllScored(), ("Input.Outcome", "Refuse")]);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Geef minstens één reden.", WebUtility.HtmlDecode(missingHtml), StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.InReview, await StatusAsync(application.Id));

        await reviewer.SubmitAsync(url + "?handler=Propose", [.. AllScored(), ("Input.Outcome", "Refuse"), ("Input.Reasons[Refuse]", "NotEnoughReach")]);
        Assert.Equal(ApplicationStatus.DecisionProposed, await StatusAsync(application.Id));

        var (_, list) = await approver.GetAsync("/review/approvals");
        Assert.Contains(approval, list, StringComparison.Ordinal);
        var (_, noNote) = await approver.SubmitAsync(approval + "?handler=SendBack", ("Note", " "));
        Assert.Contains("Schrijf kort waarom u het voorstel terugstuurt.", noNote, StringComparison.Ordinal);
        var (sentBack, _) = await approver.SubmitAsync(approval + "?handler=SendBack", ("Note", "Bereik is wel groot: 25 moeders."));
        Assert.Equal(HttpStatusCode.Redirect, sentBack.StatusCode);
        Assert.Equal(ApplicationStatus.InReview, await StatusAsync(application.Id));
        var (_, reviewerView) = await reviewer.GetAsync(url);
        Assert.Contains("Bereik is wel groot: 25 moeders.", reviewerView, StringComparison.Ordinal);

        await reviewer.SubmitAsync(url + "?handler=Propose", [.. AllScored(), ("Input.Outcome", "Refuse"), ("Input.Reasons[Refuse]", "NotFeasible")]);
        var (approved, _) = await approver.SubmitAsync(approval + "?handler=Approve");

        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(ApplicationStatus.Rejected, await StatusAsync(application.Id));
        await using var db = fixture.Database.NewContext();
        var kinds = await db.AuditEvents.Where(e => e.ObjectId == application.Id).Select(e => e.Kind).ToListAsync();
        Assert.Contains("application.proposal-sent-back", kinds);
        Assert.Contains("application.proposal-approved", kinds);
        Assert.Equal(2, kinds.Count(k => k == "application.assessment-proposed"));
        // The approval made the besluit: a refusal, version 1, with the reason that was approved and the application frozen.
        var decision = await db.Decisions.SingleAsync(d => d.ApplicationId == application.Id);
        Assert.Equal((DecisionKind.Refusal, 1, "NotFeasible", (long?)null), (decision.Kind, decision.Number, decision.ReasonKeys, decision.AmountCents));
        Assert.Contains(application.Reference!, decision.ApplicationSnapshot, StringComparison.Ordinal);
        Assert.Contains("application.decision-taken", kinds);
    }

    [Fact]
    public async Task A_partial_grant_takes_each_cut_with_its_reason_off_the_amount_and_goes_to_an_approver()
    {
        var application = await SubmittedAsync();
        var (reviewer, reviewerId) = await StaffAsync("beoordelaar@example.org", Roles.Reviewer);
        var (approver, _) = await StaffAsync("fiatteur@example.org", Roles.Approver);
        await ReviewerReadyAsync(application, reviewer, reviewerId);
        var url = $"/review/applications/{application.Id}/assessment";
        var line = application.BudgetLines[0].Id;

        var (noReason, noReasonHtml) = await reviewer.SubmitAsync(url + "?handler=Propose", [.. AllScored(), ("Input.Outcome", "PartialGrant"),
            ("Input.Reasons[PartialGrant]", "CostsTooHigh"), ($"Input.Cut[{line}]", "€ 300,00")]);
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains("Geef bij elk bedrag dat u niet toekent een reden.", noReasonHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"€ 300,00\"", WebUtility.HtmlDecode(noReasonHtml), StringComparison.Ordinal);

        await reviewer.SubmitAsync(url + "?handler=Propose", [.. AllScored(), ("Input.Outcome", "PartialGrant"),
            ("Input.Reasons[PartialGrant]", "CostsTooHigh"), ($"Input.Cut[{line}]", "300"), ($"Input.CutReason[{line}]", "Boodschappen voor 25 mensen kosten minder.")]);

        await using (var db = fixture.Database.NewContext())
        {
            var proposal = await db.Set<ApplicationAssessment>().SingleAsync();
            Assert.Equal(AssessmentState.Proposed, proposal.State);
            Assert.Equal(50_000, proposal.GrantAmountCents); // € 800 asked, € 300 cut
            Assert.True(proposal.NeedsApproval);
        }
        var (_, approval) = await approver.GetAsync($"/review/applications/{application.Id}/approval");
        Assert.Contains("Boodschappen voor 25 mensen kosten minder.", approval, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Of_an_approval_and_a_send_back_at_the_same_moment_exactly_one_happens()
    {
        var application = await SubmittedAsync();
        var (reviewer, reviewerId) = await StaffAsync("beoordelaar@example.org", Roles.Reviewer);
        var (first, _) = await StaffAsync("fiatteur@example.org", Roles.Approver);
        var (second, _) = await StaffAsync("tweede-fiatteur@example.org", Roles.Approver);
        await ReviewerReadyAsync(application, reviewer, reviewerId);
        await reviewer.SubmitAsync($"/review/applications/{application.Id}/assessment?handler=Propose",
            [.. AllScored(), ("Input.Outcome", "Refuse"), ("Input.Reasons[Refuse]", "NotForScheme")]);
        var approval = $"/review/applications/{application.Id}/approval";
        await first.GetAsync(approval);
        await second.GetAsync(approval);

        var answers = await Task.WhenAll(first.PostAsync(approval + "?handler=Approve", []),
            second.PostAsync(approval + "?handler=SendBack", [("Note", "Nog even naar kijken")]));

        Assert.Single(answers, a => a.Response.StatusCode == HttpStatusCode.Redirect);
        var status = await StatusAsync(application.Id);
        Assert.Contains(status, new[] { ApplicationStatus.Rejected, ApplicationStatus.InReview });
        await using var db = fixture.Database.NewContext();
        var kinds = await db.AuditEvents.Where(e => e.ObjectId == application.Id).Select(e => e.Kind).ToListAsync();
        Assert.Equal(1, kinds.Count(k => k is "application.proposal-approved" or "application.proposal-sent-back"));
    }

    [Fact]
    public async Task An_approver_can_never_approve_their_own_proposal_not_even_by_posting_the_form()
    {
        var application = await SubmittedAsync();
        var (both, bothId) = await StaffAsync("beide@example.org", Roles.Reviewer, Roles.Approver);
        await ReviewerReadyAsync(application, both, bothId);
        await both.SubmitAsync($"/review/applications/{application.Id}/assessment?handler=Propose",
            [.. AllScored(), ("Input.Outcome", "Refuse"), ("Input.Reasons[Refuse]", "NotForScheme")]);
        Assert.Equal(ApplicationStatus.DecisionProposed, await StatusAsync(application.Id));
        var approval = $"/review/applications/{application.Id}/approval";

        var (_, page) = await both.GetAsync(approval);
        Assert.DoesNotContain("?handler=Approve", page, StringComparison.Ordinal);
        var (_, posted) = await both.PostAsync(approval + "?handler=Approve", []);
        var (_, sentBack) = await both.PostAsync(approval + "?handler=SendBack", [("Note", "Toch maar niet")]);

        Assert.Contains("Dit is uw eigen voorstel. Een andere fiatteur moet het goedkeuren.", posted, StringComparison.Ordinal);
        Assert.Contains("Dit is uw eigen voorstel.", sentBack, StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.DecisionProposed, await StatusAsync(application.Id));
    }

    [Fact]
    public async Task Applicants_and_coaches_never_reach_the_assessment_or_approval_pages_and_staff_never_see_a_draft()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = member;
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation);
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        var (coach, coachId) = await StaffAsync("coach@example.org", Roles.Coach);
        await using (var db = fixture.Database.NewContext())
        {
            db.CoachGrants.Add(new CoachGrant(application.Id, coachId, GrantKind.CoachEdit, organisation.Members[0].UserId, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        var (reviewer, _) = await StaffAsync("beoordelaar@example.org", Roles.Reviewer, Roles.Approver);

        foreach (var client in new[] { member, coach })
        {
            foreach (var page in new[] { $"/review/applications/{application.Id}/assessment", $"/review/applications/{application.Id}/approval", "/review/approvals" })
                Assert.NotEqual(HttpStatusCode.OK, (await client.GetAsync(page)).Response.StatusCode);
            var (posted, _) = await client.PostAsync($"/review/applications/{application.Id}/assessment?handler=Save", [("Input.Mark[Reach]", "5")]);
            Assert.NotEqual(HttpStatusCode.OK, posted.StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/review/applications/{draft.Id}/assessment")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/review/applications/{draft.Id}/approval")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/review/applications/{Guid.NewGuid()}/assessment")).Response.StatusCode);
        await using var check = fixture.Database.NewContext();
        Assert.Empty(await check.Set<ApplicationAssessment>().ToListAsync());
    }

    private static (string, string)[] AllScored() => [.. Criteria.Select(c => ($"Input.Mark[{c}]", "3"))];

    private async Task<Application> SubmittedAsync()
    {
        var user = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        var organisation = await TestApplications.OrganisationAsync(fixture.Database, user.Id);
        // Sent in two days ago: the draw of that day is held, so a grant can be decided today (art. 4:25 Awb, decision record 0016).
        var submitted = await TestApplications.SubmittedAsync(fixture.Database, organisation, submittedAt: DateTimeOffset.UtcNow.AddDays(-2));
        await using var db = fixture.Database.NewContext();
        return await db.Applications.Include(a => a.BudgetLines).SingleAsync(a => a.Id == submitted.Id);
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

    /// <summary>
    /// Gets a reviewer ready to assess this application: the review is started (through the domain) and the reviewer has
    /// declared no personal interest in it, as the inbox asks first.
    /// </summary>
    private async Task ReviewerReadyAsync(Application application, FormClient reviewer, Guid reviewerId)
    {
        _ = reviewer;
        await using var db = fixture.Database.NewContext();
        var loaded = await db.Applications.Include(a => a.Events).SingleAsync(a => a.Id == application.Id);
        if (loaded.Status == ApplicationStatus.Submitted) loaded.StartReview(Actor.Reviewer(reviewerId), DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        await TestApplications.DeclaredNoConflictAsync(fixture.Database, application.Id, reviewerId);
    }

    private async Task<Portal.Domain.Budget.ReservationState?> ReservationStateAsync(Guid id)
    {
        await using var db = fixture.Database.NewContext();
        return await db.Set<Portal.Domain.Budget.BudgetReservation>().Where(r => r.ApplicationId == id && r.State != Portal.Domain.Budget.ReservationState.Released)
            .Select(r => (Portal.Domain.Budget.ReservationState?)r.State).SingleOrDefaultAsync();
    }

    private async Task<ApplicationStatus> StatusAsync(Guid id)
    {
        await using var db = fixture.Database.NewContext();
        return await db.Applications.Where(a => a.Id == id).Select(a => a.Status).SingleAsync();
    }
}
