using System.Xml.Linq;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Payments;
using Portal.Payments;

namespace Portal.Tests.Payments;

/// <summary>
/// Issue 12, point 7: the payment file is a SEPA credit transfer (pain.001.001.03) that the official schema accepts, with
/// the municipality as debtor, each grant's receiver, IBAN, amount, EndToEndId and the application's reference in the
/// remittance line; names in any script come out in the SEPA character set, and a file that breaks the schema is caught.
/// </summary>
public sealed class SepaFileTests
{
    private static readonly XNamespace Ns = SepaCreditTransfer.Namespace;
    private static readonly Actor Approver = Actor.Approver(Guid.NewGuid());
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 30, 0, TimeSpan.Zero);
    private static readonly Debtor Nijmegen = new("Gemeente Nijmegen", Iban("NL38BNGH0285012345"), "BNGHNL2G");

    private static Iban Iban(string value) => Portal.Domain.Organisations.Iban.TryParse(value, out _)!;

    private static PaymentOrder Order(string reference, long euros, string name, string iban = "NL91ABNA0417164300", bool viaHost = false,
        int number = 1, long cents = 0) =>
        new(Guid.NewGuid(), Guid.NewGuid(), number, reference, new Money(euros * 100 + cents), name, Iban(iban), viaHost);

    private static PaymentBatch Batch(params PaymentOrder[] orders) => PaymentBatch.Make(7, orders, Nijmegen, new DateOnly(2026, 12, 4), Approver, Now);

    private static XDocument Read(byte[] file) => XDocument.Parse(System.Text.Encoding.UTF8.GetString(file));

    [Fact]
    public void The_file_passes_the_official_schema_and_carries_debtor_receivers_amounts_and_references()
    {
        var batch = Batch(
            Order("NIJ-2026-00042", 1_800, "Moedergroep Hatert"),
            Order("NIJ-2026-00043", 450, "Stichting Buurtwerk Zuid", "NL20INGB0001234567", viaHost: true, number: 2, cents: 50));

        var file = SepaCreditTransfer.Write(batch);
        var document = Read(file);

        Assert.Empty(SepaCreditTransfer.Validate(document));
        var header = document.Root!.Element(Ns + "CstmrCdtTrfInitn")!.Element(Ns + "GrpHdr")!;
        Assert.Equal("NIJ-SUB-20261203-00007", header.Element(Ns + "MsgId")!.Value);
        Assert.Equal("2", header.Element(Ns + "NbOfTxs")!.Value);
        Assert.Equal("2250.50", header.Element(Ns + "CtrlSum")!.Value);
        var info = document.Descendants(Ns + "PmtInf").Single();
        Assert.Equal("2026-12-04", info.Element(Ns + "ReqdExctnDt")!.Value);
        Assert.Equal("Gemeente Nijmegen", info.Element(Ns + "Dbtr")!.Element(Ns + "Nm")!.Value);
        Assert.Equal("NL38BNGH0285012345", info.Element(Ns + "DbtrAcct")!.Descendants(Ns + "IBAN").Single().Value);
        Assert.Equal("BNGHNL2G", info.Element(Ns + "DbtrAgt")!.Descendants(Ns + "BIC").Single().Value);
        var transfers = info.Elements(Ns + "CdtTrfTxInf").ToList();
        Assert.Equal(
            [
                ("NIJ-2026-00042-1", "1800.00", "EUR", "Moedergroep Hatert", "NL91ABNA0417164300", "Subsidie NIJ-2026-00042 besluit 1"),
                ("NIJ-2026-00043-2", "450.50", "EUR", "Stichting Buurtwerk Zuid", "NL20INGB0001234567", "Subsidie NIJ-2026-00043 besluit 2"),
            ],
            transfers.Select(t => (
                t.Descendants(Ns + "EndToEndId").Single().Value,
                t.Descendants(Ns + "InstdAmt").Single().Value,
                t.Descendants(Ns + "InstdAmt").Single().Attribute("Ccy")!.Value,
                t.Element(Ns + "Cdtr")!.Element(Ns + "Nm")!.Value,
                t.Element(Ns + "CdtrAcct")!.Descendants(Ns + "IBAN").Single().Value,
                t.Descendants(Ns + "Ustrd").Single().Value)));
    }

    public static TheoryData<string, Func<XDocument, object?>> Breakages => new()
    {
        // An amount with three decimals, a debtor left out, an IBAN in lower case, an unknown element: the schema says no.
        { "amount", d => { d.Descendants(Ns + "InstdAmt").First().Value = "12.345.6"; return null; } },
        { "no debtor", d => { d.Descendants(Ns + "Dbtr").Single().Remove(); return null; } },
        { "iban", d => { d.Descendants(Ns + "CdtrAcct").First().Descendants(Ns + "IBAN").Single().Value = "nl91abna0417164300"; return null; } },
        { "extra", d => { d.Descendants(Ns + "GrpHdr").Single().Add(new XElement(Ns + "Remark", "x")); return null; } },
        // The schema allows 140 characters in a name (the EPC rules 70, which the portal keeps): 141 is too many for both.
        { "name too long", d => { d.Descendants(Ns + "Cdtr").First().Element(Ns + "Nm")!.Value = new string('a', 141); return null; } },
    };

    [Theory]
    [MemberData(nameof(Breakages))]
    public void A_file_that_breaks_the_schema_fails_the_check(string what, Func<XDocument, object?> breakIt)
    {
        var document = Read(SepaCreditTransfer.Write(Batch(Order("NIJ-2026-00042", 1_800, "Moedergroep Hatert"))));
        Assert.Empty(SepaCreditTransfer.Validate(document));

        breakIt(document);

        Assert.True(SepaCreditTransfer.Validate(document).Count > 0, $"The schema accepted a file with a broken {what}.");
    }

    [Theory]
    [InlineData("مجموعة الأمهات في هاتيرت", "mjmw'a alamhat fy hatyrt")]
    [InlineData("Voetbaldag 🇪🇷⚽ Eritrese jongeren", "Voetbaldag Eritrese jongeren")]
    [InlineData("Kadınlar Derneği Çağrı & Şükran", "Kadinlar Dernegi Cagri + Sukran")]
    [InlineData("Жіноча група «Надія»", "Zhinocha hrupa Nadiia")]
    [InlineData("Crème brûlée — €5 für Straße!", "Creme brulee - EUR5 fur Strasse.")]
    public void Names_in_any_script_come_out_in_the_SEPA_character_set(string name, string expected)
    {
        var cleaned = SepaText.Clean(name, 70);

        Assert.Equal(expected, cleaned);
        Assert.True(SepaText.IsClean(cleaned));
    }

    [Fact]
    public void A_name_with_no_latin_form_at_all_still_gives_a_valid_file_that_names_the_application()
    {
        var batch = Batch(
            Order("NIJ-2026-00050", 300, "ሓበሬታ 🎉🎉"), // Tigrinya and emoji: nothing to write in Latin letters
            Order("NIJ-2026-00051", 200, new string('ع', 200), number: 1)); // long Arabic: cut to 70

        var document = Read(SepaCreditTransfer.Write(batch));

        Assert.Empty(SepaCreditTransfer.Validate(document));
        var names = document.Descendants(Ns + "Cdtr").Select(c => c.Element(Ns + "Nm")!.Value).ToList();
        Assert.Equal("Subsidie NIJ-2026-00050", names[0]);
        Assert.Equal(70, names[1].Length);
        Assert.All(document.Descendants().Where(e => !e.HasElements).Select(e => e.Value), v => Assert.True(SepaText.IsClean(v), v));
    }

    [Fact]
    public void A_batch_pays_each_decision_once_and_only_amounts_above_zero()
    {
        var order = Order("NIJ-2026-00042", 800, "Moedergroep Hatert");

        Assert.Equal("Payout.DecisionTwice", Assert.Throws<DomainException>(() => Batch(order, order)).MessageKey);
        Assert.Equal("Payout.AmountAboveZero", Assert.Throws<DomainException>(() => Batch(Order("NIJ-2026-00042", 0, "Groep"))).MessageKey);
        Assert.Equal("Payout.NothingToPay", Assert.Throws<DomainException>(() => Batch()).MessageKey);
        Assert.Equal("Payout.NotAllowed", Assert.Throws<DomainException>(() =>
            PaymentBatch.Make(1, [order], Nijmegen, new DateOnly(2026, 12, 4), Actor.Reviewer(Guid.NewGuid()), Now)).MessageKey);
    }

    [Fact]
    public void The_committed_schema_is_the_official_one()
    {
        // Payments/README.md names its source; this keeps anyone from loosening it unnoticed.
        var path = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "Portal", "Payments", "pain.001.001.03.xsd");
        using var sha = System.Security.Cryptography.SHA256.Create();
        var hash = Convert.ToHexStringLower(sha.ComputeHash(File.ReadAllBytes(path)));
        Assert.Equal("87bd9b06f7f74128764d304af60f96f0d5583c92031113a892048272c8934d14", hash);
    }
}
