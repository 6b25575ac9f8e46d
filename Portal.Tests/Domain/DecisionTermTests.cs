using System.Globalization;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;

namespace Portal.Tests.Domain;

/// <summary>
/// The decision term under the Awb, from the facts on an application (issue 8 §4). "Samen Doen" decides within 8 weeks of
/// receipt and promises 6. Each row: when the application was received, what happened (in Nijmegen dates), the day we
/// look, and the legal date that must come out. 2026: Good Friday 3 April, Easter Monday 6 April, King's Day 27 April.
/// </summary>
public sealed class DecisionTermTests
{
    private static readonly Scheme SamenDoen = DemoSchemes.Create(new DateOnly(2026, 6, 15)).Single(s => s.Slug == DemoSchemes.SamenDoen);
    private static readonly Actor Amina = Actor.Applicant(Guid.NewGuid());
    private static readonly Actor Reviewer = Actor.Reviewer(Guid.NewGuid());

    [Theory]
    // 3 February + 8 weeks = Tuesday 31 March.
    [InlineData("no requests", "2026-02-03", "", "2026-03-01", "2026-03-31")]
    [InlineData("a question suspends nothing", "2026-02-03", "question 2026-02-10 answered 2026-02-20", "2026-03-01", "2026-03-31")]
    [InlineData("a request without a term suspends nothing", "2026-02-03", "request 2026-02-10 answered 2026-02-20", "2026-03-01", "2026-03-31")]
    // From the day after sending (11 Feb) up to the day it is completed (20 Feb): 9 days.
    [InlineData("a request with a term suspends until it is answered", "2026-02-03", "request 2026-02-10 by 2026-02-24 answered 2026-02-20", "2026-03-01", "2026-04-09")]
    // Unanswered: 11 up to and including 24 February, 14 days, and no more however long we wait.
    [InlineData("an unused term ends the suspension", "2026-02-03", "request 2026-02-10 by 2026-02-24", "2026-03-01", "2026-04-14")]
    [InlineData("an unused term ends the suspension, also looked at much later", "2026-02-03", "request 2026-02-10 by 2026-02-24", "2026-06-01", "2026-04-14")]
    // Still open on 15 February: 11–14 February so far, 31 March + 4 = Saturday 4 April → Monday 6 April is Easter Monday → 7 April.
    [InlineData("an open request suspends up to today", "2026-02-03", "request 2026-02-10 by 2026-02-24", "2026-02-15", "2026-04-07")]
    [InlineData("Good Friday moves the end", "2026-02-06", "", "2026-03-01", "2026-04-07")]
    [InlineData("5 May moves the end, also outside lustrum years", "2026-03-10", "", "2026-04-01", "2026-05-06")]
    [InlineData("King's Day moves the end", "2026-03-02", "", "2026-04-01", "2026-04-28")]
    [InlineData("an extension before the end gives the new date", "2026-02-03", "extend 2026-03-25 to 2026-04-28", "2026-03-26", "2026-04-28")]
    // Notice on 25 March naming 28 April; a request after it (1–8 April: 7 days) moves the new date on.
    [InlineData("a suspension after an extension moves the new date", "2026-02-03", "extend 2026-03-25 to 2026-04-28; request 2026-04-01 by 2026-04-15 answered 2026-04-09", "2026-04-10", "2026-05-06")]
    // Consent given 10 February, submitted again on 20 February: 11–19 February, 9 days.
    [InlineData("consent to a delay suspends until the new submission", "2026-02-03", "consent 2026-02-10 until 2026-03-10 resubmitted 2026-02-20", "2026-03-01", "2026-04-09")]
    public void The_legal_date(string rule, string received, string steps, string today, string legalDate)
    {
        var application = Received(received);
        foreach (var step in steps.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) Apply(application, step);

        var term = application.DecisionTerm(SamenDoen, AtwCalendar.Netherlands, At(today))!;

        Assert.True(Day(legalDate) == term.LegalDate, $"{rule}: expected {legalDate}, got {term.LegalDate:yyyy-MM-dd}");
    }

    [Fact]
    public void The_service_target_date_is_the_schemes_shorter_promise_and_is_suspended_alike()
    {
        var application = Received("2026-02-03");
        Assert.Equal(Day("2026-03-17"), application.DecisionTerm(SamenDoen, AtwCalendar.Netherlands, At("2026-02-04"))!.ServiceTargetDate);

        Apply(application, "request 2026-02-10 by 2026-02-24 answered 2026-02-20");
        var term = application.DecisionTerm(SamenDoen, AtwCalendar.Netherlands, At("2026-03-01"))!;

        Assert.Equal(Day("2026-03-26"), term.ServiceTargetDate);
        Assert.True(term.ServiceTargetDate < term.LegalDate);
    }

    [Fact]
    public void An_extension_after_the_term_ended_is_refused_and_changes_nothing()
    {
        var application = Received("2026-02-03");

        var refused = Assert.Throws<DomainException>(() =>
            application.ExtendDecisionTerm(SamenDoen, Day("2026-05-12"), "Veel aanvragen", AtwCalendar.Netherlands, Reviewer, At("2026-04-01")));

        Assert.Equal("Term.Extension.TooLate", refused.MessageKey);
        Assert.Empty(application.TermExtensions);
        Assert.Equal(Day("2026-03-31"), application.DecisionTerm(SamenDoen, AtwCalendar.Netherlands, At("2026-04-01"))!.LegalDate);
    }

    [Fact]
    public void An_extension_on_the_last_day_is_still_in_time()
    {
        var application = Received("2026-02-03");

        application.ExtendDecisionTerm(SamenDoen, Day("2026-04-28"), "Veel aanvragen", AtwCalendar.Netherlands, Reviewer, At("2026-03-31"));

        Assert.Equal(Day("2026-04-28"), application.DecisionTerm(SamenDoen, AtwCalendar.Netherlands, At("2026-04-01"))!.LegalDate);
    }

    [Theory]
    [InlineData("2026-03-20", "Term.Extension.NotLater")]
    [InlineData("2026-03-31", "Term.Extension.NotLater")]
    public void An_extension_must_name_a_later_date(string newDate, string key)
    {
        var application = Received("2026-02-03");

        var refused = Assert.Throws<DomainException>(() =>
            application.ExtendDecisionTerm(SamenDoen, Day(newDate), "Veel aanvragen", AtwCalendar.Netherlands, Reviewer, At("2026-03-10")));

        Assert.Equal(key, refused.MessageKey);
    }

    [Fact]
    public void An_extension_naming_a_Saturday_names_the_next_working_day_so_the_notice_and_the_portal_agree()
    {
        var application = Received("2026-02-03");

        var extension = application.ExtendDecisionTerm(SamenDoen, Day("2026-04-25"), "Veel aanvragen", AtwCalendar.Netherlands, Reviewer, At("2026-03-10"));

        Assert.Equal(Day("2026-04-28"), extension.NewDate); // Saturday → Sunday → King's Day (Monday 27th) → Tuesday
        var notice = Assert.IsType<DecisionTermExtended>(application.DomainEvents[^1]);
        Assert.Equal(extension.NewDate, notice.NewDate);
    }

    [Fact]
    public void Only_staff_extend_the_term() =>
        Assert.Equal("Application.TransitionNotAllowed", Assert.Throws<DomainException>(() =>
            Received("2026-02-03").ExtendDecisionTerm(SamenDoen, Day("2026-04-28"), "Ik wil meer tijd", AtwCalendar.Netherlands, Amina,
                At("2026-03-10"))).MessageKey);

    [Fact]
    public void A_completeness_term_that_ends_on_a_holiday_runs_to_the_next_working_day()
    {
        var application = Received("2026-03-02");
        application.StartReview(Reviewer, At("2026-03-03"));

        var request = application.RequestCompletion(QuestionKey.Description, Day("2026-04-03"), AtwCalendar.Netherlands, Reviewer, At("2026-03-20"));

        Assert.Equal(Day("2026-04-07"), request.RespondBy);
    }

    [Fact]
    public void The_term_is_suspended_now_while_a_completeness_request_with_a_term_is_open()
    {
        var application = Received("2026-02-03");
        Apply(application, "request 2026-02-10 by 2026-02-24");

        Assert.True(application.DecisionTerm(SamenDoen, AtwCalendar.Netherlands, At("2026-02-15"))!.SuspendedNow);
        Assert.False(application.DecisionTerm(SamenDoen, AtwCalendar.Netherlands, At("2026-02-26"))!.SuspendedNow);
    }

    private Organisation organisation = null!;

    [Fact]
    public void A_notice_of_default_is_refused_until_the_legal_date_has_passed_and_accepted_the_day_after()
    {
        // Received 3 February: the legal date is 31 March.
        var application = Received("2026-02-03");

        var early = Assert.Throws<DomainException>(() => application.SendDefaultNotice(SamenDoen, null, Amina, At("2026-03-31")));
        var notice = application.SendDefaultNotice(SamenDoen, "  Wij wachten al lang.  ", Amina, At("2026-04-01"));

        Assert.Equal("Default.NotYet", early.MessageKey);
        Assert.Equal("Wij wachten al lang.", notice.Statement);
        // Two weeks after receipt on 1 April.
        var received = Assert.Single(application.DomainEvents.OfType<DefaultNoticeReceived>());
        Assert.Equal(Day("2026-04-15"), received.PenaltyFrom);
    }

    [Fact]
    public void A_second_notice_a_notice_by_staff_or_a_coach_and_a_notice_after_the_decision_are_refused()
    {
        var application = Received("2026-02-03");
        var decided = Received("2026-02-03");
        decided.StartReview(Reviewer, At("2026-03-01"));
        decided.ProposeDecision(ProposedOutcome.Grant, Reviewer, At("2026-04-02"));
        decided.Decide(Reviewer, At("2026-04-02"));

        var byReviewer = Assert.Throws<DomainException>(() => application.SendDefaultNotice(SamenDoen, null, Reviewer, At("2026-04-01")));
        var byCoach = Assert.Throws<DomainException>(() => application.SendDefaultNotice(SamenDoen, null, Actor.Coach(Guid.NewGuid()), At("2026-04-01")));
        application.SendDefaultNotice(SamenDoen, null, Amina, At("2026-04-01"));
        var second = Assert.Throws<DomainException>(() => application.SendDefaultNotice(SamenDoen, null, Amina, At("2026-04-02")));
        var afterDecision = Assert.Throws<DomainException>(() => decided.SendDefaultNotice(SamenDoen, null, Amina, At("2026-04-03")));

        Assert.Equal(["Application.TransitionNotAllowed", "Application.TransitionNotAllowed", "Default.Already", "Default.NotYet"],
            new[] { byReviewer, byCoach, second, afterDecision }.Select(e => e.MessageKey));
        Assert.Equal(Day("2026-04-02"), decided.DecidedOn);
    }

    [Fact]
    public void An_extension_moves_the_day_from_which_a_notice_of_default_is_possible()
    {
        var application = Received("2026-02-03");
        application.StartReview(Reviewer, At("2026-03-01"));
        application.ExtendDecisionTerm(SamenDoen, Day("2026-04-28"), "Veel aanvragen tegelijk", AtwCalendar.Netherlands, Reviewer, At("2026-03-25"));

        Assert.False(application.MaySendDefaultNotice(SamenDoen, At("2026-04-01")));
        Assert.False(application.MaySendDefaultNotice(SamenDoen, At("2026-04-28")));
        Assert.True(application.MaySendDefaultNotice(SamenDoen, At("2026-04-29")));
    }

    /// <summary>A complete application submitted on <paramref name="day"/> (at 09:00 in Nijmegen).</summary>
    private Application Received(string day)
    {
        var at = At(day);
        organisation = new Organisation("Moedergroep Hatert", OrganisationKind.InformalGroup, Amina, at);
        organisation.Describe(OrganisationKind.InformalGroup, "Moeders", "Zuid/Hatert", "Amina", "06 1234 5678", true, Amina, at);
        organisation.PayThroughHost("Stichting Buurtwerk", "Karin", "karin@buurtwerk.example", true, Amina, at);
        var application = new Application(organisation.Id, SamenDoen.Id, "nl", Amina, at);
        application.DescribeActivity("Kookavond", "Wij koken samen.", "Moeders", 25, "Zuid/Hatert", Day(day).AddDays(60), null,
            "Posters", Amina, at);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(800), Amina, at);
        application.Submit(SamenDoen, organisation, declarationAccepted: true, "NIJ-2026-00042", Amina, at);
        return application;
    }

    private void Apply(Application application, string step)
    {
        var words = step.Split(' ');
        var on = At(words[1]);
        if (application.Status == ApplicationStatus.Submitted) application.StartReview(Reviewer, on);
        switch (words[0])
        {
            case "question":
                var question = application.AskQuestion(QuestionKey.Title, Reviewer, on);
                application.AnswerInformationRequest(question.Id, Amina, At(words[3]));
                break;
            case "request":
                DateOnly? by = words.Length > 3 && words[2] == "by" ? Day(words[3]) : null;
                var request = application.RequestCompletion(QuestionKey.Description, by, AtwCalendar.Netherlands, Reviewer, on);
                if (Array.IndexOf(words, "answered") is var answered and > 0) application.AnswerInformationRequest(request.Id, Amina, At(words[answered + 1]));
                break;
            case "extend":
                application.ExtendDecisionTerm(SamenDoen, Day(words[3]), "Veel aanvragen tegelijk", AtwCalendar.Netherlands, Reviewer, on);
                break;
            case "consent":
                application.RecordDelayConsent(Day(words[1]), Day(words[3]), "Ja, ik verbeter mijn aanvraag (aangevinkt in het portaal)", Amina, on);
                application.ProposeDecision(ProposedOutcome.ReturnWithSuggestions, Reviewer, on, "Noem ook wie de avond leidt.");
                application.Decide(Reviewer, on);
                application.Submit(SamenDoen, organisation, true, null, Amina, At(words[5]));
                break;
            default:
                throw new ArgumentException(step);
        }
    }

    internal static DateOnly Day(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>09:00 in Nijmegen on that day.</summary>
    internal static DateTimeOffset At(string iso)
    {
        var day = Day(iso);
        var local = new DateTime(day.Year, day.Month, day.Day, 9, 0, 0, DateTimeKind.Unspecified);
        var offset = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam").GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
