using Portal.Domain.Coaching;
using Portal.Domain.Common;
using Portal.Domain.Terms;

namespace Portal.Tests.Domain;

/// <summary>
/// Issue 10's request for a coach: who may ask (and what must be left to reach them), the promised day in working
/// days, one claim, handover with a note, contact and outcome, overdue, escalation and repeats.
/// </summary>
public sealed class HelpRequestTests
{
    private static readonly AtwCalendar Calendar = AtwCalendar.Netherlands;
    private static readonly Guid Fatima = Guid.NewGuid(), Yonas = Guid.NewGuid(), Applicant = Guid.NewGuid();

    // Thursday 23 April 2026, 14:00 Dutch time; 27 April is King's Day.
    private static readonly DateTimeOffset Thursday = new(2026, 4, 23, 12, 0, 0, TimeSpan.Zero);

    private static HelpRequest Ask(Requester? requester = null, HelpChannel channel = HelpChannel.Phone, DateTimeOffset? at = null,
        HelpTopic topic = HelpTopic.Budget, string? question = "Wat mag op de begroting?") =>
        new(new HelpOrigin("/applications/x/budget", "samen-doen", Guid.Empty, "budget"), topic, question, channel, "ar",
            ReachableAt.Evening | ReachableAt.Weekend, interpreterNeeded: false, CoachGender.Woman,
            requester ?? Requester.Account(Applicant, "Amina", "amina@example.org", "06 12345678"), at ?? Thursday, Calendar);

    [Fact]
    public void A_coach_is_promised_within_two_working_days_skipping_the_weekend_and_a_public_holiday()
    {
        var request = Ask();

        // Thursday → Friday (1), Monday 27 April is King's Day, Tuesday (2).
        Assert.Equal(new DateOnly(2026, 4, 28), request.AnswerBy);
        Assert.Equal(HelpRequestState.Open, request.State);
        Assert.False(request.IsOverdue(new DateOnly(2026, 4, 28)));
        Assert.True(request.IsOverdue(new DateOnly(2026, 4, 29)));
    }

    [Fact]
    public void An_unclaimed_request_is_escalated_after_one_working_day_and_its_age_counts_working_days()
    {
        var request = Ask();

        Assert.False(request.NeedsEscalation(new DateOnly(2026, 4, 23), Calendar));
        Assert.True(request.NeedsEscalation(new DateOnly(2026, 4, 24), Calendar));
        Assert.Equal(1, request.AgeInWorkingDays(new DateOnly(2026, 4, 27), Calendar)); // weekend and King's Day
        Assert.Equal(2, request.AgeInWorkingDays(new DateOnly(2026, 4, 28), Calendar));
        request.Claim(Fatima, Thursday.AddHours(30));
        Assert.False(request.NeedsEscalation(new DateOnly(2026, 4, 28), Calendar));
    }

    [Fact]
    public void Exactly_one_coach_claims_a_request()
    {
        var request = Ask();
        request.Claim(Fatima, Thursday.AddHours(1));

        var second = Assert.Throws<DomainException>(() => request.Claim(Yonas, Thursday.AddHours(1)));
        Assert.Equal("Coaching.Request.AlreadyClaimed", second.MessageKey);
        Assert.Equal(Fatima, request.CoachId);
        Assert.Equal(HelpRequestState.Claimed, request.State);
    }

    [Fact]
    public void Only_the_coach_who_has_it_hands_it_over_and_only_with_a_note()
    {
        var request = Ask();
        request.Claim(Fatima, Thursday);

        Assert.Equal("Coaching.Request.NotYours", Assert.Throws<DomainException>(() => request.HandOver(Yonas, Fatima, "over", Thursday)).MessageKey);
        Assert.Equal("Coaching.Request.HandoverNoteRequired", Assert.Throws<DomainException>(() => request.HandOver(Fatima, Yonas, "  ", Thursday)).MessageKey);
        Assert.Equal("Coaching.Request.HandOverToSelf", Assert.Throws<DomainException>(() => request.HandOver(Fatima, Fatima, "x", Thursday)).MessageKey);

        request.HandOver(Fatima, Yonas, "Spreekt Tigrinya; belt liefst na 18 uur.", Thursday.AddHours(2));
        Assert.Equal(Yonas, request.CoachId);
        Assert.Equal("Spreekt Tigrinya; belt liefst na 18 uur.", request.HandoverNote);
        Assert.Equal("Coaching.Request.NotYours", Assert.Throws<DomainException>(() => request.MarkContacted(Fatima, HelpChannel.Phone, Thursday)).MessageKey);
    }

    [Fact]
    public void Contact_and_outcome_are_recorded_and_a_resolved_request_stays_resolved()
    {
        var request = Ask();
        request.Claim(Fatima, Thursday);
        request.MarkContacted(Fatima, HelpChannel.WhatsApp, Thursday.AddHours(3));
        request.MarkContacted(Fatima, HelpChannel.Visit, Thursday.AddHours(30));
        request.Resolve(Fatima, HelpOutcome.HelpedWithApplication, Thursday.AddHours(31));

        Assert.Equal(Thursday.AddHours(3), request.ContactedAt); // first contact counts for the promise
        Assert.Equal(HelpChannel.Visit, request.ContactedBy);
        Assert.Equal(HelpRequestState.Resolved, request.State);
        Assert.Equal(HelpOutcome.HelpedWithApplication, request.Outcome);
        Assert.False(request.IsOverdue(new DateOnly(2026, 5, 30)));
        Assert.Equal("Coaching.Request.Resolved", Assert.Throws<DomainException>(() => request.Resolve(Fatima, HelpOutcome.ReferredElsewhere, Thursday)).MessageKey);
        Assert.Equal("Coaching.Request.Resolved", Assert.Throws<DomainException>(() => request.HandOver(Fatima, Yonas, "x", Thursday)).MessageKey);
    }

    [Fact]
    public void Someone_without_an_account_leaves_a_name_and_a_phone_number_or_an_email_address()
    {
        var byPhone = Requester.Anonymous("Hawa", "06-12 34 56 78", null);
        var byEmail = Requester.Anonymous("  Yonas  ", "", "yonas@example.org");

        Assert.Equal("+31612345678", byPhone.Phone);
        Assert.Equal("Yonas", byEmail.Name);
        Assert.Null(byEmail.Phone);
        Assert.Equal("Coaching.Request.NameRequired", Assert.Throws<DomainException>(() => Requester.Anonymous(" ", "0612345678", null)).MessageKey);
        Assert.Equal("Coaching.Request.PhoneOrEmail", Assert.Throws<DomainException>(() => Requester.Anonymous("Hawa", " ", " ")).MessageKey);
        Assert.Equal("Coaching.Request.Email", Assert.Throws<DomainException>(() => Requester.Anonymous("Hawa", null, "hawa@")).MessageKey);
        Assert.Equal("Name.NotOneLine", Assert.Throws<DomainException>(() => Requester.Anonymous("Ha\nwa", "0612345678", null)).MessageKey);
        Assert.Equal("Coaching.Phone.DutchLength", Assert.Throws<DomainException>(() => Requester.Anonymous("Hawa", "06 123", null)).MessageKey);
    }

    [Fact]
    public void The_chosen_channel_needs_a_way_to_use_it()
    {
        var emailOnly = Requester.Anonymous("Yonas", null, "yonas@example.org");
        var phoneOnly = Requester.Anonymous("Hawa", "0612345678", null);

        Assert.Equal("Coaching.Request.PhoneForChannel", Assert.Throws<DomainException>(() => Ask(emailOnly, HelpChannel.WhatsApp)).MessageKey);
        Assert.Equal("Coaching.Request.EmailForChannel", Assert.Throws<DomainException>(() => Ask(phoneOnly, HelpChannel.Email)).MessageKey);
        Assert.Equal(HelpChannel.WalkIn, Ask(emailOnly, HelpChannel.WalkIn).Channel);
    }

    [Fact]
    public void Choices_outside_the_lists_and_an_empty_other_question_are_refused_and_arabic_and_emoji_text_is_kept()
    {
        Assert.Equal("Coaching.Request.QuestionRequired", Assert.Throws<DomainException>(() => Ask(topic: HelpTopic.Other, question: " ")).MessageKey);
        Assert.Equal("Coaching.Request.QuestionTooLong", Assert.Throws<DomainException>(() => Ask(question: new string('a', 2001))).MessageKey);
        Assert.Equal("Coaching.Request.Choice", Assert.Throws<DomainException>(() => Ask(topic: (HelpTopic)99)).MessageKey);
        Assert.Equal("Coaching.Request.Language", Assert.Throws<DomainException>(() =>
            new HelpRequest(new HelpOrigin("/"), HelpTopic.Budget, null, HelpChannel.Phone, "xx", ReachableAt.Morning, false,
                CoachGender.NoPreference, Requester.Account(Applicant, "Amina", "amina@example.org", "06 12345678"), Thursday, Calendar)).MessageKey);
        Assert.Equal("Coaching.Request.ReachableAt", Assert.Throws<DomainException>(() =>
            new HelpRequest(new HelpOrigin("/"), HelpTopic.Budget, null, HelpChannel.Phone, "nl", ReachableAt.None, false,
                CoachGender.NoPreference, Requester.Account(Applicant, "Amina", "amina@example.org", "06 12345678"), Thursday, Calendar)).MessageKey);

        var arabic = Ask(question: "  هل يمكنني طلب المال للطعام؟ 🍲\u202E ");
        Assert.Equal("هل يمكنني طلب المال للطعام؟ 🍲", arabic.Question);
    }

    [Fact]
    public void The_same_question_again_within_the_hour_is_a_repeat_not_a_new_request()
    {
        var first = Ask();

        Assert.True(first.IsRepeatedBy(Ask(at: Thursday.AddMinutes(59))));
        Assert.False(first.IsRepeatedBy(Ask(at: Thursday.AddMinutes(61))));
        Assert.False(first.IsRepeatedBy(Ask(topic: HelpTopic.Documents, at: Thursday.AddMinutes(5))));
        Assert.False(first.IsRepeatedBy(Ask(Requester.Account(Guid.NewGuid(), "Hawa", "hawa@example.org", "06 12345678"), at: Thursday.AddMinutes(5))));
        var anonymous = Ask(Requester.Anonymous("Hawa", "06 12345678", null));
        Assert.True(anonymous.IsRepeatedBy(Ask(Requester.Anonymous("Hawa B.", "+31612345678", null), at: Thursday.AddMinutes(10))));
    }
}
