using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Messages;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using Portal.Tests.Domain;
using static Portal.Tests.Domain.DecisionTermTests;

namespace Portal.Tests.Requests;

/// <summary>
/// Issue 11, point 5: the two kinds of request as the Awb tells them apart. A completeness request (art. 4:5) has a term
/// (14 days by default, moved past weekends and holidays), suspends the decision term, is reminded of once three days
/// before it ends, and when it runs out unused the decision not to process is due within four weeks (4:5(4)). A question
/// suspends nothing. And point 6: internal notes are staff's alone.
/// </summary>
public sealed class RequestRulesTests
{
    private static readonly Scheme SamenDoen = DemoSchemes.Create(new DateOnly(2026, 6, 15)).Single(s => s.Slug == DemoSchemes.SamenDoen);
    private static readonly Actor Amina = Actor.Applicant(Guid.NewGuid());
    private static readonly Actor Reviewer = Actor.Reviewer(Guid.NewGuid());
    private static readonly AtwCalendar Calendar = AtwCalendar.Netherlands;

    [Fact]
    public void The_usual_term_is_14_days_and_a_term_ending_on_Kings_Day_runs_on_to_the_next_working_day()
    {
        Assert.Equal(Day("2026-04-30"), InformationRequest.DefaultRespondBy(Day("2026-04-16"), Calendar));
        // 13 April + 14 days = Monday 27 April, King's Day.
        Assert.Equal(Day("2026-04-28"), InformationRequest.DefaultRespondBy(Day("2026-04-13"), Calendar));
        // Set on a Saturday, it ends on the Monday.
        var application = InReview("2026-02-03");
        var request = application.SendCompletionRequest("Stuur de offerte van de zaal.", null, Day("2026-02-21"), Calendar, Reviewer, At("2026-02-05"));
        Assert.Equal(Day("2026-02-23"), request.RespondBy);
    }

    [Fact]
    public void Only_a_completeness_request_with_a_term_suspends_the_decision_term_and_a_question_changes_no_state()
    {
        var application = InReview("2026-02-03");
        var before = application.DecisionDueOn(SamenDoen, At("2026-02-20"));

        var question = application.SendQuestion("Wie leidt de kookavond? 🍲", QuestionKey.Description, Reviewer, At("2026-02-10"));
        Assert.Equal(ApplicationStatus.InReview, application.Status);
        Assert.Equal(before, application.DecisionDueOn(SamenDoen, At("2026-02-20")));
        Assert.Equal("Wie leidt de kookavond? 🍲", question.Text);

        var request = application.SendCompletionRequest("Stuur de offerte van de zaal.", QuestionKey.Costs, Day("2026-02-24"), Calendar, Reviewer,
            At("2026-02-10"));
        Assert.Equal(ApplicationStatus.InformationRequested, application.Status);
        application.AnswerRequest(request.Id, "Hier is de offerte: €120 voor de zaal.", Amina, At("2026-02-17"));

        Assert.Equal(ApplicationStatus.InReview, application.Status);
        Assert.Equal("Hier is de offerte: €120 voor de zaal.", request.AnswerText);
        // Suspended from the day after it was sent (11 Feb) until the day it was answered (17 Feb): six days later, which
        // is Easter Monday, so the Atw moves it on to Tuesday.
        Assert.Equal(Day("2026-03-31"), before);
        Assert.Equal(Day("2026-04-07"), application.DecisionDueOn(SamenDoen, At("2026-02-20")));
        // The question is still open: it holds nothing up.
        Assert.True(question.IsOpen);
    }

    [Fact]
    public void The_reminder_goes_once_three_days_before_the_term_ends_and_not_for_a_term_that_short()
    {
        var application = InReview("2026-02-03");
        var request = application.SendCompletionRequest("Stuur de offerte.", null, Day("2026-02-24"), Calendar, Reviewer, At("2026-02-10"));
        application.ClearDomainEvents();

        Assert.False(application.TendRequests(At("2026-02-20")));
        Assert.True(application.TendRequests(At("2026-02-21")));
        Assert.False(application.TendRequests(At("2026-02-22")));
        Assert.Single(application.DomainEvents.OfType<InformationRequestReminderDue>());
        Assert.Equal(At("2026-02-21"), request.ReminderSentAt);

        var quick = InReview("2026-02-03");
        quick.SendCompletionRequest("Stuur de offerte.", null, Day("2026-02-12"), Calendar, Reviewer, At("2026-02-10"));
        Assert.False(quick.TendRequests(At("2026-02-11")));
        Assert.Empty(quick.DomainEvents.OfType<InformationRequestReminderDue>());
    }

    [Fact]
    public void A_term_that_runs_out_unused_returns_the_application_to_review_and_the_decision_not_to_process_is_due_four_weeks_later()
    {
        var application = InReview("2026-03-17");
        var request = application.SendCompletionRequest("Stuur het activiteitenplan.", null, Day("2026-04-07"), Calendar, Reviewer, At("2026-03-24"));
        Assert.Null(application.NotProcessDecisionDueOn(Calendar));

        application.TendRequests(At("2026-04-07")); // the last day: still open
        Assert.Equal(ApplicationStatus.InformationRequested, application.Status);
        application.TendRequests(At("2026-04-08"));

        Assert.Equal(ApplicationStatus.InReview, application.Status);
        Assert.NotNull(request.LapsedAt);
        // 7 April + 4 weeks = 5 May, Liberation Day (Atw): the next working day.
        Assert.Equal(Day("2026-05-06"), application.NotProcessDecisionDueOn(Calendar));
        Assert.Throws<DomainException>(() => application.AnswerRequest(request.Id, "Te laat", Amina, At("2026-04-09")));
    }

    [Fact]
    public void A_request_needs_words_an_answer_needs_words_or_a_file_and_Arabic_and_emoji_are_kept()
    {
        var application = InReview("2026-02-03");
        Assert.Equal("Request.Error.TextRequired",
            Assert.Throws<DomainException>(() => application.SendQuestion("  ", null, Reviewer, At("2026-02-05"))).MessageKey);
        Assert.Equal("Request.Error.TooLong", Assert.Throws<DomainException>(() =>
            application.SendQuestion(new string('a', InformationRequest.MaxTextLength + 1), null, Reviewer, At("2026-02-05"))).MessageKey);
        Assert.Equal("Request.Error.TermPast", Assert.Throws<DomainException>(() =>
            application.SendCompletionRequest("Stuur de offerte.", null, Day("2026-02-05"), Calendar, Reviewer, At("2026-02-05"))).MessageKey);
        Assert.Throws<DomainException>(() => application.SendCompletionRequest("Mag ik?", null, Day("2026-02-20"), Calendar, Amina, At("2026-02-05")));

        var request = application.SendCompletionRequest("Stuur de offerte.", null, Day("2026-02-20"), Calendar, Reviewer, At("2026-02-05"));
        Assert.Equal("Request.Error.AnswerRequired",
            Assert.Throws<DomainException>(() => application.AnswerRequest(request.Id, " ", Amina, At("2026-02-06"))).MessageKey);
        application.AttachToAnswer(request.Id, "offerte.pdf", "application/pdf", 1000, Amina, At("2026-02-06"));
        application.AnswerRequest(request.Id, "هذا هو عرض السعر 👍", Amina, At("2026-02-06"));

        Assert.Equal("هذا هو عرض السعر 👍", request.AnswerText);
        Assert.Equal("offerte.pdf", Assert.Single(application.AnswerFiles(request.Id)).FileName);
        Assert.Equal(ApplicationStatus.InReview, application.Status);
    }

    [Fact]
    public void Only_staff_write_an_internal_note_and_nobody_writes_before_the_application_is_sent_in()
    {
        var application = InReview("2026-02-03");
        Assert.True(ApplicationMessage.Note(application, "Navragen bij de coach", Reviewer, At("2026-02-05")).IsInternal);
        Assert.Throws<DomainException>(() => ApplicationMessage.Note(application, "Ik ook", Amina, At("2026-02-05")));
        Assert.False(ApplicationMessage.Write(application, "Wanneer hoor ik iets?", Amina, At("2026-02-05")).IsInternal);

        var draft = new Application(Guid.NewGuid(), SamenDoen.Id, "nl", Amina, At("2026-02-03"));
        Assert.Equal("Request.Message.Error.NotSentIn",
            Assert.Throws<DomainException>(() => ApplicationMessage.Write(draft, "Hallo", Amina, At("2026-02-05"))).MessageKey);
    }

    private static Application InReview(string day)
    {
        var at = At(day);
        var organisation = CompleteGroup.For(Amina.UserId!.Value, at);
        var application = new Application(organisation.Id, SamenDoen.Id, "nl", Amina, at);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(800), Amina, at);
        application.DescribeActivity("Kookavond", "Wij koken samen.", "Moeders", 25, "Zuid/Hatert", Day(day).AddDays(60), null, "Posters", Amina, at);
        application.Submit(SamenDoen, organisation, declarationAccepted: true, "NIJ-2026-00042", Amina, at);
        application.StartReview(Reviewer, at);
        return application;
    }
}
