using Portal.Domain.Coaching;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Domain.Terms;

namespace Portal.Tests.Domain;

/// <summary>
/// Issue 10, point 2 and 6: who is offered a request (the group's fixed coach; else coaches with the language and the
/// neighbourhood, the language alone, everyone), the coach a group asked to replace, escalation to everyone, and the
/// coach profile's rules.
/// </summary>
public sealed class HelpRoutingTests
{
    private static readonly DateTimeOffset Now = new(2026, 4, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly Guid Org = Guid.NewGuid();

    private static CoachProfile Coach(string name, string[] languages, string[] districts, CoachGender gender = CoachGender.Woman)
    {
        var coach = new CoachProfile(Guid.NewGuid(), name, Org);
        coach.Describe(name, languages, districts, gender, null, null, null, null, []);
        return coach;
    }

    private static readonly CoachProfile Fatima = Coach("Fatima", ["ar", "nl"], ["Dukenburg"]);
    private static readonly CoachProfile Karim = Coach("Karim", ["ar"], ["Zuid"], CoachGender.Man);
    private static readonly CoachProfile Yonas = Coach("Yonas", ["ti", "en"], ["Oud-West"], CoachGender.Man);
    private static readonly CoachProfile Ayse = Coach("Ayşe", ["tr", "nl"], ["Zuid"]);
    private static readonly IReadOnlyList<CoachProfile> All = [Fatima, Karim, Yonas, Ayse];

    private static HelpRequest Ask(string language, string? neighbourhood = null, CoachGender gender = CoachGender.NoPreference) =>
        new(new HelpOrigin("/"), HelpTopic.Budget, null, HelpChannel.Phone, language, ReachableAt.Morning, false, gender,
            Requester.Anonymous("Hawa", "0612345678", null), Now, AtwCalendar.Netherlands, Guid.NewGuid(), neighbourhood);

    [Fact]
    public void The_groups_fixed_coach_gets_the_request_first_even_in_another_language()
    {
        var (coaches, reason) = HelpRouting.Route(Ask("ti", "Zuid/Hatert"), Fatima.UserId, All);
        Assert.Equal([Fatima.UserId], coaches);
        Assert.Equal(OfferReason.FixedCoach, reason);
    }

    [Fact]
    public void Coaches_with_the_language_and_the_neighbourhood_come_before_those_with_only_the_language()
    {
        Assert.Equal([Karim.UserId], HelpRouting.Route(Ask("ar", "Zuid/Hatert"), null, All).Coaches);
        Assert.Equal([Fatima.UserId, Karim.UserId], HelpRouting.Route(Ask("ar", "Centrum/Bottendaal"), null, All).Coaches);
        Assert.Equal([Fatima.UserId, Karim.UserId], HelpRouting.Route(Ask("ar"), null, All).Coaches);
    }

    [Fact]
    public void The_gender_asked_for_is_preferred_when_a_matching_coach_has_it()
    {
        Assert.Equal([Fatima.UserId], HelpRouting.Route(Ask("ar", gender: CoachGender.Woman), null, All).Coaches);
        // No Tigrinya-speaking woman: the man who speaks it, rather than nobody who does.
        Assert.Equal([Yonas.UserId], HelpRouting.Route(Ask("ti", gender: CoachGender.Woman), null, All).Coaches);
    }

    [Fact]
    public void When_nobody_speaks_the_language_every_coach_is_offered_it()
    {
        var (coaches, reason) = HelpRouting.Route(Ask("so"), null, All);
        Assert.Equal(All.Select(c => c.UserId), coaches);
        Assert.Equal(OfferReason.Everyone, reason);
    }

    [Fact]
    public void A_coach_the_group_asked_to_replace_is_not_matched_again()
    {
        var organisation = new Organisation("Moedergroep Hatert", OrganisationKind.InformalGroup, Actor.System, Now);
        organisation.KeepCoach(Fatima.UserId, Now);
        organisation.AskForAnotherCoach(Actor.Applicant(Guid.NewGuid()), Now);
        organisation.KeepCoach(Fatima.UserId, Now);

        Assert.Null(organisation.FixedCoachId);
        Assert.Equal([Karim.UserId], HelpRouting.Route(Ask("ar"), organisation.FixedCoachId, All, organisation.ReplacedCoachId).Coaches);
    }

    [Fact]
    public void Escalation_offers_every_coach_once_and_is_not_mailed_again_in_a_bundle()
    {
        var request = Ask("ar");
        request.OfferTo([Fatima.UserId], OfferReason.Match, Now);
        request.Escalate(All.Select(c => c.UserId), Now.AddDays(1));
        request.Escalate(All.Select(c => c.UserId), Now.AddDays(2));

        Assert.Equal(4, request.Offers.Count);
        Assert.Equal(Now.AddDays(1), request.EscalatedAt);
        Assert.Null(request.Offers.Single(o => o.CoachId == Fatima.UserId).NotifiedAt);
        Assert.All(request.Offers.Where(o => o.Reason == OfferReason.Escalation), o => Assert.NotNull(o.NotifiedAt));
        Assert.Single(request.DomainEvents.OfType<HelpRequestOffered>(), e => e.Reason == OfferReason.Escalation);
    }

    [Fact]
    public void A_claimed_request_is_not_escalated_and_an_overdue_one_reminds_its_coach_once()
    {
        var request = Ask("ar");
        request.Claim(Fatima.UserId, Now);
        request.Escalate(All.Select(c => c.UserId), Now.AddDays(1));
        Assert.Null(request.EscalatedAt);

        request.RemindOverdue(request.AnswerBy, Now.AddDays(2));
        Assert.Null(request.OverdueRemindedAt);
        request.RemindOverdue(request.AnswerBy.AddDays(1), Now.AddDays(3));
        request.RemindOverdue(request.AnswerBy.AddDays(2), Now.AddDays(4));
        Assert.Equal(Now.AddDays(3), request.OverdueRemindedAt);
        Assert.Single(request.DomainEvents.OfType<HelpRequestOverdue>());
    }

    [Fact]
    public void A_coach_profile_needs_a_language_known_districts_and_complete_short_walk_in_hours()
    {
        var coach = new CoachProfile(Guid.NewGuid(), "Fatima", Org);
        string Refusal(Action describe) => Assert.Throws<DomainException>(describe).MessageKey;

        Assert.Equal("Coaching.Profile.LanguageRequired", Refusal(() => coach.Describe("Fatima", [], [], CoachGender.Woman, null, null, null, null, [])));
        Assert.Equal("Coaching.Profile.Neighbourhood", Refusal(() => coach.Describe("Fatima", ["ar"], ["Atlantis"], CoachGender.Woman, null, null, null, null, [])));
        Assert.Equal("Coaching.Profile.WalkInIncomplete", Refusal(() =>
            coach.Describe("Fatima", ["ar"], [], CoachGender.Woman, null, null, null, null, [new("Buurthuis", "", "")])));
        Assert.Equal("Coaching.Profile.TooManyWalkIns", Refusal(() =>
            coach.Describe("Fatima", ["ar"], [], CoachGender.Woman, null, null, null, null, Enumerable.Repeat(new WalkInHours("a", "", "b"), 4))));
        Assert.Equal("Coaching.Profile.IntroductionTooLong", Refusal(() =>
            coach.Describe("Fatima", ["ar"], [], CoachGender.Woman, null, null, null, new string('x', 601), [])));
        Assert.Equal("Coaching.Phone.DutchLength", Refusal(() => coach.Describe("Fatima", ["ar"], [], CoachGender.Woman, "06 123", null, null, null, [])));

        coach.Describe("فاطمة 🌙", ["ar", "nl"], ["Dukenburg"], CoachGender.Woman, "06-1234 5678", null, null, "أساعد بكل سرور",
            [new("Buurthuis De Schakel", "", "dinsdag 10–12"), new("", "", "")]);
        Assert.Equal("فاطمة 🌙", coach.Name);
        Assert.Equal("+31612345678", coach.Phone);
        Assert.Single(coach.WalkIns);
        Assert.True(coach.Knows("Dukenburg/Meijhorst"));
        Assert.False(coach.Knows("Zuid/Hatert"));
    }
}
