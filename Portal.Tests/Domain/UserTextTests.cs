using Portal.Domain.Common;
using Portal.Domain.Organisations;

namespace Portal.Tests.Domain;

/// <summary>
/// Names and file names are shown to other people (a reviewer, an invited member, a mail client): they must look like
/// what they are. Issue 7, points 8 and 14.
/// </summary>
public sealed class UserTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly Actor Me = Actor.Applicant(Guid.NewGuid());

    [Theory]
    [InlineData("evil\u202Egnp.pdf", "evilgnp.pdf")] // right-to-left override: would read "evilfdp.png"
    [InlineData("Gemeente\u200B Nijmegen", "Gemeente Nijmegen")] // zero-width space
    [InlineData("\uFEFFGemeente\u2060Nijmegen", "GemeenteNijmegen")] // byte order mark, word joiner
    [InlineData("a\u202Ab\u202Bc\u202Cd\u202De", "abcde")]
    [InlineData("a\u2066b\u2067c\u2068d\u2069e", "abcde")] // isolates
    [InlineData("a\u200Eb\u200Fc\u061Cd", "abcd")] // direction marks, Arabic letter mark
    [InlineData("Ge\u200Cmeen\u200Dte\u00AD", "Gemeente")] // joiners between Latin letters hide nothing real
    public void Invisible_formatting_characters_are_removed(string typed, string kept) =>
        Assert.Equal(kept, UserText.WithoutInvisibleFormatting(typed));

    [Theory]
    [InlineData("مجموعة الأمهات في هاتيرت 🌙")] // Arabic with an emoji
    [InlineData("گروه مادران می\u200Cخواهیم")] // Persian: the non-joiner belongs inside the word
    [InlineData("Familie 👨\u200D👩\u200D👧 en vrienden 🏳\uFE0F\u200D🌈")] // joined emoji
    [InlineData("Voetbal 🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F")] // flag of Scotland
    [InlineData("Eritrese jongeren – ጉጅለ መንእሰያት")]
    public void Real_writing_stays_intact(string name) =>
        Assert.Equal(name, UserText.WithoutInvisibleFormatting(name));

    [Theory]
    [InlineData("Gemeente Nijmegen\r\nBcc: iedereen@example.org")]
    [InlineData("Gemeente\nNijmegen")]
    [InlineData("Gemeente\tNijmegen")]
    [InlineData("Gemeente\u0000Nijmegen")]
    [InlineData("Gemeente\u2028Nijmegen")]
    [InlineData("Gemeente Nijmegen\u0085")]
    public void A_name_with_a_line_break_or_control_character_is_refused(string name)
    {
        var refused = Assert.Throws<DomainException>(() => UserText.Name(name));

        Assert.Equal(UserText.NotOneLineKey, refused.MessageKey);
    }

    [Fact]
    public void A_name_stored_before_the_rule_is_shown_on_one_line() =>
        Assert.Equal("Gemeente  Bcc: x@example.org", UserText.AsOneLine("Gemeente\r\nBcc: x@example.org\u202E"));

    [Fact]
    public void Every_name_of_an_organisation_obeys_the_rule()
    {
        const string header = "Gemeente Nijmegen\r\nBcc: iedereen@example.org";
        var group = new Organisation("Moedergroep Hatert", OrganisationKind.InformalGroup, Actor.Applicant(Guid.NewGuid()), Now);
        var iban = Iban.TryParse("NL91 ABNA 0417 1643 00", out _)!;

        Assert.Throws<DomainException>(() => new Organisation(header, OrganisationKind.InformalGroup, Actor.Applicant(Guid.NewGuid()), Now));
        Assert.Throws<DomainException>(() => group.Rename(header, Me, Now));
        Assert.Throws<DomainException>(() => group.Describe(OrganisationKind.InformalGroup, null, null, header, null, null, Me, Now));
        Assert.Throws<DomainException>(() => group.PayToOwnAccount(iban, header, Me, Now));
        Assert.Throws<DomainException>(() => group.PayThroughHost(header, "Els de Vries", "els@deklif.example", true, Me, Now));
        Assert.Throws<DomainException>(() => group.PayThroughHost("Buurthuis De Klif", header, "els@deklif.example", true, Me, Now));
        Assert.Throws<DomainException>(() => group.PayThroughHost("Buurthuis De Klif", "Els", "els@deklif.example\r\nBcc: x@y", true, Me, Now));
        Assert.Equal("Moedergroep Hatert", group.Name);
        Assert.Null(group.ContactName);
        Assert.Null(group.PaymentRoute);
    }

    [Fact]
    public void Every_name_of_an_organisation_is_stored_without_invisible_characters()
    {
        var group = new Organisation("Gemeente\u202E Nijmegen\u200B", OrganisationKind.InformalGroup, Actor.Applicant(Guid.NewGuid()), Now);
        group.Describe(OrganisationKind.InformalGroup, null, null, "Am\u200Bina", null, null, Me, Now);
        var host = new Organisation("Moedergroep", OrganisationKind.InformalGroup, Actor.Applicant(Guid.NewGuid()), Now);
        host.PayThroughHost("\u2067Buurthuis\u2069 De Klif", "Els\u200E de Vries", "els@deklif.example", true, Me, Now);
        var own = new Organisation("مجموعة الأمهات 🌙", OrganisationKind.InformalGroup, Actor.Applicant(Guid.NewGuid()), Now);
        own.PayToOwnAccount(Iban.TryParse("NL91 ABNA 0417 1643 00", out _)!, "F.\uFEFF Yilmaz", Me, Now);

        Assert.Equal("Gemeente Nijmegen", group.Name);
        Assert.Equal("Amina", group.ContactName);
        Assert.Equal("Buurthuis De Klif", host.HostName);
        Assert.Equal("Els de Vries", host.HostContactName);
        Assert.Equal("مجموعة الأمهات 🌙", own.Name);
        Assert.Equal("F. Yilmaz", own.AccountHolder);
    }

    [Fact]
    public void An_attachment_keeps_its_file_name_without_invisible_characters()
    {
        var application = new Portal.Domain.Applications.Application(Guid.NewGuid(), 1, "nl", Me, Now);
        // Above € 1,000 the scheme asks for a budget plan, so one may be attached.
        application.AddCost(Portal.Domain.Applications.CostCategory.RoomHire, "Zaal", Portal.Domain.Money.Money.FromEuros(1_500), Me, Now);

        var attachment = application.Attach(Portal.Domain.Schemes.DemoSchemes.Create(new DateOnly(2026, 6, 15))[0], Portal.Domain.Schemes.DocumentKind.BudgetPlan,
            "evil\u202Egnp.pdf", "application/pdf", 10, Me, Now);

        Assert.Equal("evilgnp.pdf", attachment.FileName);
    }

    [Fact]
    public void A_name_of_only_invisible_characters_is_no_name()
    {
        var refused = Assert.Throws<DomainException>(() => new Organisation("\u200B\u202E", OrganisationKind.InformalGroup, Actor.Applicant(Guid.NewGuid()), Now));

        Assert.Equal("Organisation.Name.Required", refused.MessageKey);
    }
}
