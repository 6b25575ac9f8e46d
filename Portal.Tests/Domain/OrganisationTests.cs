using Portal.Domain.Common;
using Portal.Domain.Organisations;

namespace Portal.Tests.Domain;

public sealed class OrganisationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid Creator = Guid.NewGuid();
    private static readonly Actor Me = Actor.Applicant(Creator);

    private static Organisation Group(OrganisationKind kind = OrganisationKind.InformalGroup) => new("Moedergroep Hatert", kind, Me, Now);

    private static Iban ValidIban() => Iban.TryParse("NL91 ABNA 0417 1643 00", out _)!;

    [Fact]
    public void The_creator_is_the_first_member_and_an_informal_group_has_no_KvK_number()
    {
        var group = Group();

        Assert.True(group.IsMember(Creator));
        Assert.Single(group.Members);
        Assert.Null(group.KvkNumber);
        Assert.False(group.IsComplete);
    }

    [Fact]
    public void An_informal_group_cannot_register_a_KvK_number()
    {
        var group = Group();

        var refused = Assert.Throws<DomainException>(() => group.RegisterKvk("12345678", Me, Now));

        Assert.Equal("Organisation.Kvk.NotForInformal", refused.MessageKey);
        Assert.Null(group.KvkNumber);
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("")]
    [InlineData("abcdefgh")]
    public void A_KvK_number_must_have_eight_digits(string input)
    {
        var association = Group(OrganisationKind.Association);

        var refused = Assert.Throws<DomainException>(() => association.RegisterKvk(input, Me, Now));

        Assert.Equal("Organisation.Kvk.Format", refused.MessageKey);
        Assert.Null(association.KvkNumber);
    }

    [Fact]
    public void A_registered_organisation_keeps_its_KvK_number_without_spaces_until_it_becomes_an_informal_group()
    {
        var foundation = Group(OrganisationKind.Foundation);

        foundation.RegisterKvk("1234 5678", Me, Now);
        var kept = foundation.KvkNumber;
        foundation.Describe(OrganisationKind.InformalGroup, null, null, null, null, null, Me, Now);

        Assert.Equal("12345678", kept);
        Assert.Null(foundation.KvkNumber);
    }

    [Fact]
    public void Paying_through_a_host_organisation_requires_its_agreement()
    {
        var group = Group();

        var refused = Assert.Throws<DomainException>(() =>
            group.PayThroughHost("Buurthuis De Klif", "Els de Vries", "els@deklif.example", agreementConfirmed: false, Me, Now));

        Assert.Equal("Organisation.Host.Agreement.Required", refused.MessageKey);
        Assert.Null(group.PaymentRoute);
        Assert.Null(group.HostName);
    }

    [Fact]
    public void Switching_to_a_host_organisation_clears_the_own_bank_account()
    {
        var group = Group();
        group.PayToOwnAccount(ValidIban(), "F. Yilmaz", Me, Now);

        group.PayThroughHost("Buurthuis De Klif", "Els de Vries", "els@deklif.example", agreementConfirmed: true, Me, Now);

        Assert.Equal(PaymentRoute.HostOrganisation, group.PaymentRoute);
        Assert.Null(group.Iban);
        Assert.Null(group.AccountHolder);
        Assert.True(group.HostAgreementConfirmed);
    }

    [Fact]
    public void Switching_to_an_own_bank_account_clears_the_host_organisation()
    {
        var group = Group();
        group.PayThroughHost("Buurthuis De Klif", "Els de Vries", "els@deklif.example", agreementConfirmed: true, Me, Now);

        group.PayToOwnAccount(ValidIban(), "F. Yilmaz", Me, Now);

        Assert.Equal(PaymentRoute.OwnAccount, group.PaymentRoute);
        Assert.Equal("NL91ABNA0417164300", group.Iban);
        Assert.Null(group.HostName);
        Assert.Null(group.HostContactName);
        Assert.Null(group.HostEmail);
        Assert.False(group.HostAgreementConfirmed);
    }

    [Fact]
    public void An_own_bank_account_needs_the_name_of_its_holder()
    {
        var group = Group();

        var refused = Assert.Throws<DomainException>(() => group.PayToOwnAccount(ValidIban(), " ", Me, Now));

        Assert.Equal("Organisation.AccountHolder.Required", refused.MessageKey);
        Assert.Null(group.PaymentRoute);
    }

    [Theory]
    [InlineData("Amsterdam-Noord")]
    [InlineData("Hatert")] // a neighbourhood without its district
    [InlineData("Zuid/Lent")] // Lent lies in Nijmegen-Noord
    public void Describe_refuses_a_neighbourhood_Nijmegen_does_not_have(string neighbourhood)
    {
        var group = Group();

        var refused = Assert.Throws<DomainException>(() =>
            group.Describe(OrganisationKind.InformalGroup, "Moeders die samen koken", neighbourhood, null, null, true, Me, Now));

        Assert.Equal("Organisation.Neighbourhood.Unknown", refused.MessageKey);
        Assert.Null(group.Neighbourhood);
        Assert.Null(group.HowOrganised);
    }

    [Theory]
    [InlineData("Zuid")]
    [InlineData("Zuid/Hatert")]
    [InlineData("Lindenholt/'t Broek")]
    public void Describe_accepts_a_whole_district_or_one_of_its_neighbourhoods(string neighbourhood)
    {
        var group = Group();

        group.Describe(OrganisationKind.InformalGroup, null, neighbourhood, null, null, null, Me, Now);

        Assert.Equal(neighbourhood, group.Neighbourhood);
    }

    [Fact]
    public void A_profile_with_a_neighbourhood_and_a_payment_route_is_complete()
    {
        var group = Group();
        group.Describe(OrganisationKind.InformalGroup, null, "Zuid/Hatert", null, null, true, Me, Now);
        var withoutRoute = group.IsComplete;

        group.PayThroughHost("Buurthuis De Klif", "Els de Vries", "els@deklif.example", agreementConfirmed: true, Me, Now);

        Assert.False(withoutRoute);
        Assert.True(group.IsComplete);
    }

    [Fact]
    public void Adding_a_member_twice_keeps_one_membership()
    {
        var group = Group();
        var invited = Guid.NewGuid();

        group.AddMember(invited, Me, Now);
        group.AddMember(invited, Me, Now);

        Assert.Equal(2, group.Members.Count);
        Assert.True(group.IsMember(invited));
    }
}
