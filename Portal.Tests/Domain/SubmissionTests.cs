using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Pages.Applications;

namespace Portal.Tests.Domain;

public sealed class SubmissionTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Amina = Guid.NewGuid();
    private static readonly Actor Me = Actor.Applicant(Amina);
    private static readonly Organisation Group = CompleteGroup.For(Amina, Now);
    private static readonly Scheme SamenDoen = DemoSchemes.Create(new DateOnly(2026, 6, 15)).Single(s => s.Slug == DemoSchemes.SamenDoen);

    [Fact]
    public void A_complete_application_is_submitted_with_its_reference_and_a_timeline_entry()
    {
        var application = Complete(costEuros: 800);

        application.Submit(SamenDoen, Group, declarationAccepted: true, "NIJ-2026-00042", Me, Now);

        Assert.Equal((ApplicationStatus.Submitted, "NIJ-2026-00042", Now), (application.Status, application.Reference, application.SubmittedAt));
        Assert.Equal([ApplicationStatus.Draft, ApplicationStatus.Submitted], application.Events.Select(e => e.Status));
    }

    [Fact]
    public void Submitting_again_keeps_the_first_reference_and_adds_no_second_entry()
    {
        var application = Complete(costEuros: 800);
        application.Submit(SamenDoen, Group, true, "NIJ-2026-00042", Me, Now);

        application.Submit(SamenDoen, Group, true, "NIJ-2026-00043", Me, Now.AddMinutes(1));

        Assert.Equal("NIJ-2026-00042", application.Reference);
        Assert.Single(application.Events, e => e.Status == ApplicationStatus.Submitted);
    }

    [Fact]
    public void Submitting_without_the_declaration_is_refused()
    {
        var application = Complete(costEuros: 800);

        var refused = Assert.Throws<DomainException>(() => application.Submit(SamenDoen, Group, false, "NIJ-2026-00042", Me, Now));

        Assert.Equal("Submit.Declaration.Required", refused.MessageKey);
        Assert.Equal(ApplicationStatus.Draft, application.Status);
    }

    [Fact]
    public void An_application_without_activity_and_budget_names_both_as_missing()
    {
        var application = new Application(Group.Id, 1, "nl", Me, Now);

        Assert.Equal(["Submit.Missing.Activity", "Submit.Missing.Budget"], application.MissingForSubmission(SamenDoen));
        Assert.Equal("Submit.Missing.Activity",
            Assert.Throws<DomainException>(() => application.Submit(SamenDoen, Group, true, "NIJ-2026-00042", Me, Now)).MessageKey);
    }

    [Fact]
    public void A_small_request_needs_no_attachments_and_a_larger_one_needs_both_plans_of_which_one_is_typed()
    {
        var small = Complete(costEuros: 1_000);
        var larger = Complete(costEuros: 1_001);

        Assert.Empty(SamenDoen.RequiredDocuments(small.Requested));
        Assert.Empty(small.MissingForSubmission(SamenDoen));
        Assert.Equal([DocumentKind.BudgetPlan, DocumentKind.ActivityPlan], SamenDoen.RequiredDocuments(larger.Requested));
        // The budget plan is the cost overview the group typed: only the activity plan is sent as a file.
        Assert.Equal([DocumentKind.ActivityPlan], SamenDoen.DocumentsToUpload(larger.Requested));
        Assert.Equal(["Submit.Missing.Attachments"], larger.MissingForSubmission(SamenDoen));
    }

    [Fact]
    public void A_larger_request_with_its_activity_plan_attached_may_be_submitted_its_typed_budget_being_the_budget_plan()
    {
        var application = Complete(costEuros: 1_500);
        application.Attach(SamenDoen, DocumentKind.ActivityPlan, "plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 2_000, Me, Now);

        Assert.Equal(SectionStatus.Done, application.AttachmentsStatus(SamenDoen));
        Assert.Empty(application.MissingForSubmission(SamenDoen));
    }

    [Fact]
    public void An_uploaded_budget_file_alone_does_not_stand_in_for_the_activity_plan()
    {
        var application = Complete(costEuros: 1_500);
        application.Attach(SamenDoen, DocumentKind.BudgetPlan, "begroting.pdf", "application/pdf", 1_000, Me, Now);

        Assert.Equal(SectionStatus.NotStarted, application.AttachmentsStatus(SamenDoen));
        Assert.Equal(["Submit.Missing.Attachments"], application.MissingForSubmission(SamenDoen));
    }

    [Fact]
    public void Attachments_cannot_be_added_or_removed_after_submitting()
    {
        var application = Complete(costEuros: 800);
        application.Submit(SamenDoen, Group, true, "NIJ-2026-00042", Me, Now);

        Assert.Equal("Application.NotDraft",
            Assert.Throws<DomainException>(() => application.Attach(SamenDoen, DocumentKind.Other, "foto.jpg", "image/jpeg", 10, Me, Now)).MessageKey);
        Assert.Equal("Application.NotDraft",
            Assert.Throws<DomainException>(() => application.RemoveAttachment(Guid.NewGuid(), Me, Now)).MessageKey);
    }

    [Fact]
    public void The_latest_decision_date_is_the_schemes_weeks_after_submitting()
    {
        var application = Complete(costEuros: 800);
        application.Submit(SamenDoen, Group, true, "NIJ-2026-00042", Me, Now);

        Assert.Equal(new DateOnly(2026, 6, 29), application.DecisionDueOn(SamenDoen, Now));
    }

    [Fact]
    public void Withdrawing_before_a_decision_is_allowed_and_recorded()
    {
        var application = Complete(costEuros: 800);
        application.Submit(SamenDoen, Group, true, "NIJ-2026-00042", Me, Now);

        application.Withdraw(Me, Now.AddDays(2));

        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.Equal(ApplicationStatus.Withdrawn, application.Events[^1].Status);
        Assert.Throws<DomainException>(() => application.Withdraw(Me, Now.AddDays(3)));
    }

    [Fact]
    public void A_draft_needs_one_reminder_after_14_untouched_days_and_no_second()
    {
        var application = Complete(costEuros: 800);

        Assert.False(application.NeedsDraftReminder(Now.AddDays(13)));
        Assert.True(application.NeedsDraftReminder(Now.AddDays(14)));
        application.DraftReminderSent(Now.AddDays(14));
        Assert.False(application.NeedsDraftReminder(Now.AddDays(30)));
    }

    [Fact]
    public void The_timeline_of_a_submitted_application_shows_review_questions_and_the_decision_date_as_still_to_come()
    {
        var application = Complete(costEuros: 800);
        application.Submit(SamenDoen, Group, true, "NIJ-2026-00042", Me, Now);

        var steps = TimelineStep.For(application, SamenDoen, Now);

        Assert.Equal(["Status.Event.Draft", "Status.Event.Submitted", "Status.Upcoming.Review", "Status.Upcoming.Questions", "Status.Upcoming.Decision"],
            steps.Select(s => s.TextKey));
        Assert.Equal([false, false, true, true, true], steps.Select(s => s.Upcoming));
        Assert.Equal(new DateOnly(2026, 6, 29), steps[^1].Due);
    }

    [Fact]
    public void The_timeline_of_a_withdrawn_application_shows_nothing_still_to_come()
    {
        var application = Complete(costEuros: 800);
        application.Submit(SamenDoen, Group, true, "NIJ-2026-00042", Me, Now);
        application.Withdraw(Me, Now.AddDays(1));

        Assert.DoesNotContain(TimelineStep.For(application, SamenDoen, Now), s => s.Upcoming);
    }

    [Fact]
    public void An_ease_score_outside_one_to_five_is_refused() =>
        Assert.Equal("Feedback.Score.Range", Assert.Throws<DomainException>(() => new EaseFeedback(Guid.NewGuid(), 6, null, Now)).MessageKey);

    private static Application Complete(long costEuros)
    {
        var application = new Application(Group.Id, 1, "nl", Me, Now);
        application.DescribeActivity("Kookavond voor moeders", "Wij koken samen.", "Moeders uit Hatert", 20, "Zuid/Hatert",
            new DateOnly(2026, 6, 12), null, "Iedereen mag aanschuiven.", Me, Now);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(costEuros), Me, Now);
        return application;
    }
}
