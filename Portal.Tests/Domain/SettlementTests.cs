using Portal.Domain.Applications;
using Portal.Domain.Budget;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Money;
using Portal.Domain.Schemes;
using static Portal.Tests.Domain.DecisionTermTests;

namespace Portal.Tests.Domain;

/// <summary>
/// Issue 12, point 6 in the domain: the group's light report after the activity, and the vaststelling — equal to the
/// verlening by default, lower only on a ground of art. 4:46(2) Awb with a written reason, never higher — and the
/// difference of a lower one back in the scheme's budget.
/// </summary>
public sealed class SettlementTests
{
    private static readonly Actor Amina = Actor.Applicant(Guid.NewGuid());
    private static readonly Actor Coach = Actor.Coach(Guid.NewGuid());
    private static readonly Actor Reviewer = Actor.Reviewer(Guid.NewGuid());
    private static readonly Actor Approver = Actor.Approver(Guid.NewGuid());

    /// <summary>A verlening of € 800 for an activity on 10 April 2026 (vaststelling due 13 weeks later, on 10 July).</summary>
    private static Decision Verlening()
    {
        var scheme = DemoSchemes.Create(new DateOnly(2026, 6, 15)).Single(s => s.Slug == DemoSchemes.SamenDoen);
        scheme.SettleDirectlyUpTo(Money.Zero); // every grant is verleend
        var organisation = CompleteGroup.For(Amina.UserId!.Value, At("2026-02-01"));
        var application = new Application(organisation.Id, scheme.Id, "nl", Amina, At("2026-02-01"));
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(800), Amina, At("2026-02-01"));
        application.DescribeActivity("Kookavond", "Wij koken samen.", "Moeders", 25, "Zuid/Hatert", Day("2026-04-10"), null, "Posters", Amina, At("2026-02-01"));
        application.Submit(scheme, organisation, declarationAccepted: true, "NIJ-2026-00042", Amina, At("2026-02-03"));
        application.StartReview(Reviewer, At("2026-02-04"));
        application.ProposeDecision(ProposedOutcome.Grant, Reviewer, At("2026-02-05"));
        application.Decide(Approver, At("2026-02-06"));
        var verlening = Decision.Take(application, scheme, 1, null, ProposedOutcome.Grant, Money.FromEuros(800), ["FitsScheme"], null, null,
            ApplicationSnapshot.Of(application), Approver, At("2026-02-06"));
        Assert.Equal(DecisionKind.Verlening, verlening.Kind);
        Assert.Equal(Day("2026-07-10"), verlening.VaststellingDueOn);
        return verlening;
    }

    private static ActivityReportAnswers Answers(ActivityHappened? happened = ActivityHappened.Yes, int? people = 25,
        string? wentWell = "Veel moeders kwamen.", string? story = null, bool? mayShare = null, bool? asPlanned = true, Money? actual = null) =>
        new(happened, people, wentWell, story, mayShare, asPlanned, actual);

    [Fact]
    public void The_vaststelling_equals_the_verlening_by_default_and_is_the_next_version()
    {
        var verlening = Verlening();

        var settled = Decision.Settle(verlening, 2, Money.FromEuros(800), null, null, Reviewer, At("2026-05-01"));

        Assert.Equal((DecisionKind.Vaststelling, 2, 80_000L, verlening.Id), (settled.Kind, settled.Number, settled.AmountCents!.Value, settled.SettlesDecisionId!.Value));
        Assert.Null(settled.SettlementGround);
        Assert.Equal(verlening.ApplicationSnapshot, settled.ApplicationSnapshot);
        Assert.Contains(settled.DomainEvents, e => e is DecisionTaken { Kind: DecisionKind.Vaststelling, AmountCents: 80_000 });
        Assert.Contains(settled.DomainEvents, e => e is VerleningSettled { GrantedCents: 80_000, SettledCents: 80_000, Ground: null });
    }

    [Fact]
    public void A_lower_vaststelling_is_refused_without_a_ground_or_without_a_reason_and_allowed_with_both()
    {
        var verlening = Verlening();
        var at = At("2026-05-01");

        Assert.Equal("Vaststelling.Ground.Required",
            Assert.Throws<DomainException>(() => Decision.Settle(verlening, 2, Money.FromEuros(500), null, "Er kwamen maar 8 moeders.", Reviewer, at)).MessageKey);
        Assert.Equal("Vaststelling.Reason.Required",
            Assert.Throws<DomainException>(() => Decision.Settle(verlening, 2, Money.FromEuros(500), SettlementGround.NotTookPlace, "  ", Reviewer, at)).MessageKey);
        Assert.Equal("Vaststelling.Ground.Required",
            Assert.Throws<DomainException>(() => Decision.Settle(verlening, 2, Money.FromEuros(500), (SettlementGround)99, "Reden", Reviewer, at)).MessageKey);

        var settled = Decision.Settle(verlening, 2, Money.FromEuros(500), SettlementGround.NotTookPlace, " De tweede avond ging niet door. ", Reviewer, at);

        Assert.Equal((50_000L, SettlementGround.NotTookPlace, "De tweede avond ging niet door."), (settled.AmountCents!.Value, settled.SettlementGround!.Value, settled.ReasonText));
        Assert.Equal(ProposedOutcome.PartialGrant, settled.Outcome);
    }

    [Fact]
    public void A_vaststelling_is_never_higher_than_the_verlening_nor_negative_and_only_staff_make_it_after_the_activity()
    {
        var verlening = Verlening();

        Assert.Equal("Vaststelling.AboveVerlening",
            Assert.Throws<DomainException>(() => Decision.Settle(verlening, 2, new Money(80_001), SettlementGround.ShouldHaveKnown, "Meer", Reviewer, At("2026-05-01"))).MessageKey);
        Assert.Equal("Money.Negative",
            Assert.Throws<DomainException>(() => Decision.Settle(verlening, 2, new Money(-1), SettlementGround.NotTookPlace, "Min", Reviewer, At("2026-05-01"))).MessageKey);
        Assert.Equal("Vaststelling.NotYet",
            Assert.Throws<DomainException>(() => Decision.Settle(verlening, 2, Money.FromEuros(800), null, null, Reviewer, At("2026-04-09"))).MessageKey);
        Assert.Equal("Application.TransitionNotAllowed",
            Assert.Throws<DomainException>(() => Decision.Settle(verlening, 2, Money.FromEuros(800), null, null, Amina, At("2026-05-01"))).MessageKey);
        // Settling to zero is lower, so it too needs a ground.
        Assert.Equal(0, Decision.Settle(verlening, 2, Money.Zero, SettlementGround.NotTookPlace, "Ging niet door.", Reviewer, At("2026-05-01")).AmountCents);
        // Only a standing verlening is settled: not a vaststelling, not a reopened verlening.
        var settled = Decision.Settle(verlening, 2, Money.FromEuros(800), null, null, Reviewer, At("2026-05-01"));
        Assert.Equal("Vaststelling.NotAVerlening",
            Assert.Throws<DomainException>(() => Decision.Settle(settled, 3, Money.FromEuros(800), null, null, Reviewer, At("2026-05-01"))).MessageKey);
        verlening.Reopen("Bezwaar gegrond", Reviewer, At("2026-05-02"));
        Assert.Equal("Vaststelling.NotAVerlening",
            Assert.Throws<DomainException>(() => Decision.Settle(verlening, 3, Money.FromEuros(800), null, null, Reviewer, At("2026-05-03"))).MessageKey);
    }

    [Fact]
    public void The_report_keeps_Arabic_and_emoji_as_typed_and_the_photo_and_story_are_optional()
    {
        var verlening = Verlening();
        const string wentWell = "جاءت أمهات كثيرات 🎉\nWe kookten samen 🍲";

        var report = ActivityReport.Submit(verlening, Answers(wentWell: "  " + wentWell + "  "), null, Amina, At("2026-04-10"));

        Assert.Equal(wentWell, report.WentWell);
        Assert.Equal((ActivityHappened.Yes, 25, false, false), (report.Happened, report.PeopleCount!.Value, report.HasPhoto, report.MayShare));
        Assert.Null(report.ActualCostCents);
        Assert.Contains(report.DomainEvents, e => e is ActivityReported { Happened: ActivityHappened.Yes, PhotoMayBeShared: false });
        // A coach allowed to fill in may send it too.
        Assert.Equal(ActorRole.Coach, ActivityReport.Submit(verlening, Answers(), null, Coach, At("2026-04-11")).SubmittedRole);
    }

    [Fact]
    public void A_photo_is_shared_only_with_the_groups_explicit_yes_and_consent_must_be_answered_when_there_is_one()
    {
        var verlening = Verlening();
        var photo = new ReportPhoto("kookavond.jpg", "image/jpeg", 1234);

        Assert.Equal("Report.Share.Required",
            Assert.Throws<DomainException>(() => ActivityReport.Submit(verlening, Answers(), photo, Amina, At("2026-04-12"))).MessageKey);
        Assert.Equal("Report.Share.Required",
            Assert.Throws<DomainException>(() => ActivityReport.Submit(verlening, Answers(story: "Fatma leidde de avond."), null, Amina, At("2026-04-12"))).MessageKey);

        var notShared = ActivityReport.Submit(verlening, Answers(mayShare: false), photo, Amina, At("2026-04-12"));
        var shared = ActivityReport.Submit(verlening, Answers(mayShare: true), photo, Amina, At("2026-04-12"));
        // A yes without anything to share shares nothing.
        var nothing = ActivityReport.Submit(verlening, Answers(mayShare: true), null, Amina, At("2026-04-12"));

        Assert.Equal((true, false), (notShared.HasPhoto, notShared.PhotoMayBeShared));
        Assert.True(shared.PhotoMayBeShared);
        Assert.False(nothing.MayShare);
        Assert.Equal("Report.Photo.Type", Assert.Throws<DomainException>(() =>
            ActivityReport.Submit(verlening, Answers(mayShare: true), new ReportPhoto("plan.pdf", "application/pdf", 10), Amina, At("2026-04-12"))).MessageKey);
    }

    [Fact]
    public void A_report_needs_its_answers_and_comes_only_from_the_group_from_the_activitys_last_day()
    {
        var verlening = Verlening();
        var at = At("2026-04-12");

        string Refused(ActivityReportAnswers answers, Actor? by = null, DateTimeOffset? when = null) =>
            Assert.Throws<DomainException>(() => ActivityReport.Submit(verlening, answers, null, by ?? Amina, when ?? at)).MessageKey;

        Assert.Equal("Report.Happened.Required", Refused(Answers(happened: null)));
        Assert.Equal("Report.People.Required", Refused(Answers(people: null)));
        Assert.Equal("Report.People.Range", Refused(Answers(people: 0)));
        Assert.Equal("Report.WentWell.Required", Refused(Answers(wentWell: " \n ")));
        Assert.Equal("Report.WentWell.TooLong", Refused(Answers(wentWell: new string('a', ActivityReport.MaxTextLength + 1))));
        Assert.Equal("Report.Cost.Required", Refused(Answers(asPlanned: null)));
        Assert.Equal("Report.Cost.AmountRequired", Refused(Answers(asPlanned: false)));
        Assert.Equal("Report.NotYet", Refused(Answers(), when: At("2026-04-09")));
        Assert.Equal("Application.NotYours", Refused(Answers(), by: Reviewer));

        // It did not take place: no number of people is asked; a different cost is kept.
        var cancelled = ActivityReport.Submit(verlening, Answers(ActivityHappened.No, people: null, wentWell: "De zaal was dicht.", asPlanned: false,
            actual: Money.FromEuros(50)), null, Amina, at);
        Assert.Equal((null, 5_000L), (cancelled.PeopleCount, cancelled.ActualCostCents!.Value));
    }

    [Fact]
    public void The_report_is_due_four_weeks_before_the_vaststelling()
    {
        Assert.Equal(Day("2026-06-12"), ActivityReport.DueOn(Verlening()));
    }

    [Fact]
    public void A_lower_vaststelling_gives_the_difference_back_to_the_schemes_budget_and_a_higher_one_is_refused()
    {
        var scheme = new Scheme("samen-doen", Money.FromEuros(100), Money.FromEuros(2_500), Money.FromEuros(1_000), new DateOnly(2026, 6, 30), 8, true,
            Money.FromEuros(1_000));
        var budget = new SchemeBudget(scheme.Id);
        var applicationId = Guid.NewGuid();
        budget.Reserve(applicationId, Money.FromEuros(800), Amina, At("2026-03-01"));
        budget.HoldDraws(Day("2026-03-02"), At("2026-03-02"));
        budget.Grant(scheme, applicationId, Money.FromEuros(800), Approver, At("2026-03-02"));
        Assert.Equal(Money.FromEuros(200), budget.Remaining(scheme).Left);

        Assert.Equal("Vaststelling.AboveVerlening",
            Assert.Throws<DomainException>(() => budget.Settle(applicationId, Money.FromEuros(801), Reviewer, At("2026-05-01"))).MessageKey);
        budget.Settle(applicationId, Money.FromEuros(800), Reviewer, At("2026-05-01")); // settled as granted: nothing changes
        Assert.Equal(Money.FromEuros(200), budget.Remaining(scheme).Left);

        budget.Settle(applicationId, Money.FromEuros(500), Reviewer, At("2026-05-01"));

        Assert.Equal((Money.FromEuros(500), Money.FromEuros(500)), (budget.Remaining(scheme).Granted, budget.Remaining(scheme).Left));
        Assert.Contains(budget.DomainEvents, e => e is BudgetReturned returned && returned.Granted == Money.FromEuros(800) && returned.Settled == Money.FromEuros(500));
        Assert.Equal("Ceiling.NotGranted",
            Assert.Throws<DomainException>(() => budget.Settle(Guid.NewGuid(), Money.FromEuros(1), Reviewer, At("2026-05-01"))).MessageKey);
    }
}
