using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Assisted;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;

namespace Portal.Tests.Assisted;

/// <summary>The rules of helping someone who is not online: consent, written authorisation, who hears back, takeover.</summary>
public sealed class AssistedApplicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 5, 4);
    private static readonly Guid CoachId = Guid.NewGuid();
    private static readonly Actor Coach = Actor.Coach(CoachId);
    private static readonly Scheme SamenDoen = DemoSchemes.Create(new DateOnly(2026, 6, 15)).Single(s => s.Slug == DemoSchemes.SamenDoen);

    [Fact]
    public void Starting_records_how_and_when_consent_was_given_and_the_coach_does_not_join_the_group()
    {
        var (group, _, assisted) = Start(ConsentMethod.ByPhone, Today.AddDays(-2));

        Assert.Equal((ConsentMethod.ByPhone, Today.AddDays(-2)), (assisted.Consent, assisted.ConsentGivenOn));
        Assert.Empty(group.Members);
        var started = Assert.IsType<AssistanceStarted>(Assert.Single(assisted.DomainEvents));
        Assert.Equal("consent ByPhone given on 2026-05-02", started.Detail);
        Assert.Equal(ActorRole.Coach, started.Actor.Role);
    }

    [Theory]
    [InlineData(1, "Assisted.Consent.DateInFuture")]
    [InlineData(-400, "Assisted.Consent.DateTooOld")]
    public void Consent_on_an_impossible_date_is_refused(int days, string key)
    {
        var e = Assert.Throws<DomainException>(() => new AssistedApplication(Guid.NewGuid(), Guid.NewGuid(), CoachId, "Fatima", "Amina",
            "ar", null, ConsentMethod.InPerson, Today.AddDays(days), Now));
        Assert.Equal(key, e.MessageKey);
    }

    [Fact]
    public void Submitting_on_behalf_without_the_written_authorisation_is_refused_and_nothing_is_sent()
    {
        var (group, application, assisted) = Start();

        var e = Assert.Throws<DomainException>(() => assisted.SubmitOnBehalf(application, SamenDoen, group, true, "NIJ-2026-00042",
            UpdatesTo.Both, PersonChannel.LetterHandedOver, Now));

        Assert.Equal("Assisted.Submit.AuthorisationMissing", e.MessageKey);
        Assert.Equal(ApplicationStatus.Draft, application.Status);
    }

    [Fact]
    public void With_the_written_authorisation_the_coach_submits_and_the_choice_of_recipients_is_kept()
    {
        var (group, application, assisted) = Start();
        assisted.RecordAuthorisation("machtiging.jpg", "image/jpeg", Now);

        assisted.SubmitOnBehalf(application, SamenDoen, group, true, "NIJ-2026-00042", UpdatesTo.Coach, PersonChannel.LetterPosted, Now);

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal(CoachId, application.Events.Last().ByUserId);
        Assert.Equal((UpdatesTo.Coach, PersonChannel.LetterPosted), (assisted.UpdatesTo, assisted.PersonChannel));
        Assert.Contains(assisted.DomainEvents, e => e is SubmittedOnBehalf);
    }

    [Fact]
    public void The_authorisation_an_application_was_sent_in_on_is_never_replaced()
    {
        var (group, application, assisted) = Start();
        assisted.RecordAuthorisation("machtiging.jpg", "image/jpeg", Now);
        assisted.SubmitOnBehalf(application, SamenDoen, group, true, "NIJ-2026-00042", UpdatesTo.Coach, PersonChannel.LetterHandedOver, Now);

        var e = Assert.Throws<DomainException>(() => assisted.RecordAuthorisation("andere.pdf", "application/pdf", Now.AddDays(1)));

        Assert.Equal("Assisted.Authorisation.AfterSubmit", e.MessageKey);
        Assert.Equal("machtiging.jpg", assisted.AuthorisationFileName);
    }

    [Fact]
    public void Email_to_the_person_is_refused_when_no_address_is_known()
    {
        var (group, application, assisted) = Start();
        assisted.RecordAuthorisation("machtiging.pdf", "application/pdf", Now);

        var e = Assert.Throws<DomainException>(() =>
            assisted.SubmitOnBehalf(application, SamenDoen, group, true, "NIJ-2026-00042", UpdatesTo.Person, PersonChannel.Email, Now));

        Assert.Equal("Assisted.Updates.EmailMissing", e.MessageKey);
    }

    [Fact]
    public void A_takeover_code_makes_the_person_a_member_and_ends_the_coachs_assisting_grant()
    {
        var (group, application, assisted) = Start();
        var grant = CoachGrant.Assisting(application.Id, CoachId, Now);
        var code = assisted.IssueTakeoverCode(byEmail: false, Now);
        var person = Guid.NewGuid();

        assisted.TakeOver(code.ToLowerInvariant().Replace("-", " "), person, group, [grant], Now.AddDays(13));

        Assert.True(group.IsMember(person));
        Assert.False(grant.IsActive);
        Assert.True(assisted.IsTakenOver);
        Assert.Contains(assisted.DomainEvents, e => e is TakenOver { Actor.Role: ActorRole.Applicant });
    }

    [Fact]
    public void A_takeover_code_is_refused_after_14_days()
    {
        var (group, application, assisted) = Start();
        var code = assisted.IssueTakeoverCode(byEmail: false, Now);

        var e = Assert.Throws<DomainException>(() => assisted.TakeOver(code, Guid.NewGuid(), group, [], Now.AddDays(14)));

        Assert.Equal("Assisted.Takeover.Expired", e.MessageKey);
        Assert.Empty(group.Members);
    }

    [Fact]
    public void A_takeover_code_works_once()
    {
        var (group, _, assisted) = Start();
        var code = assisted.IssueTakeoverCode(byEmail: false, Now);
        assisted.TakeOver(code, Guid.NewGuid(), group, [], Now);
        var second = Guid.NewGuid();

        var e = Assert.Throws<DomainException>(() => assisted.TakeOver(code, second, group, [], Now));

        Assert.Equal("Assisted.Takeover.Used", e.MessageKey);
        Assert.False(group.IsMember(second));
    }

    [Fact]
    public void A_wrong_code_or_an_earlier_replaced_code_is_refused()
    {
        var (group, _, assisted) = Start();
        var first = assisted.IssueTakeoverCode(byEmail: false, Now);
        assisted.IssueTakeoverCode(byEmail: false, Now);

        Assert.Equal("Assisted.Takeover.Unknown", Assert.Throws<DomainException>(() => assisted.TakeOver(first, Guid.NewGuid(), group, [], Now)).MessageKey);
        Assert.Equal("Assisted.Takeover.Unknown", Assert.Throws<DomainException>(() => assisted.TakeOver("AAAA-AAAA-AA", Guid.NewGuid(), group, [], Now)).MessageKey);
    }

    [Fact]
    public void After_the_takeover_the_coach_can_no_longer_act_for_the_person()
    {
        var (group, application, assisted) = Start();
        assisted.RecordAuthorisation("machtiging.jpg", "image/jpeg", Now);
        assisted.TakeOver(assisted.IssueTakeoverCode(false, Now), Guid.NewGuid(), group, [], Now);

        Assert.Equal("Assisted.TakenOver", Assert.Throws<DomainException>(() =>
            assisted.SubmitOnBehalf(application, SamenDoen, group, true, "NIJ-2026-00042", UpdatesTo.Coach, PersonChannel.LetterHandedOver, Now)).MessageKey);
    }

    [Fact]
    public void The_assisting_grant_may_submit_only_on_behalf_and_acts_as_coach()
    {
        var allowed = Grants.Allows([GrantKind.Assisting], sentIn: false);

        Assert.Contains(Capability.SubmitOnBehalf, allowed);
        Assert.Contains(Capability.EditAnswers, allowed);
        Assert.DoesNotContain(Capability.Submit, allowed);
        Assert.DoesNotContain(Capability.InviteMembers, allowed);
        Assert.Equal(ActorRole.Coach, Grants.ActsAs([GrantKind.Assisting]));
        Assert.DoesNotContain(Capability.SubmitOnBehalf, Grants.Allows([GrantKind.CoachEdit, GrantKind.Member], sentIn: false));
    }

    private static (Organisation Group, Application Application, AssistedApplication Assisted) Start(
        ConsentMethod consent = ConsentMethod.InPerson, DateOnly? on = null)
    {
        var group = new Organisation("Vrouwengroep Lindenholt", OrganisationKind.InformalGroup, Coach, Now);
        group.Describe(OrganisationKind.InformalGroup, null, "Zuid/Hatert", "Amina", null, true, Coach, Now);
        group.PayThroughHost("Buurthuis De Klif", "Els de Vries", "els@deklif.example", agreementConfirmed: true, Coach, Now);
        var application = new Application(group.Id, SamenDoen.Id, "ar", Coach, Now);
        application.DescribeActivity("Kookavond", "Wij koken samen.", "Vrouwen uit de wijk", 20, "Zuid/Hatert",
            Today.AddDays(30), null, "Iedereen is welkom.", Coach, Now);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(400), Coach, Now);
        var assisted = new AssistedApplication(application.Id, group.Id, CoachId, "Fatima el Amrani", "Amina Yusuf", "ar", null,
            consent, on ?? Today, Now);
        return (group, application, assisted);
    }
}
