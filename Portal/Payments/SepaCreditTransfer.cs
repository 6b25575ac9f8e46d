using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Portal.Domain.Payments;

namespace Portal.Payments;

/// <summary>
/// A payment batch as a SEPA credit transfer initiation (ISO 20022 pain.001.001.03, the version Dutch banks take for SEPA
/// credit transfers): one payment information block from the municipality's account, one transaction per granted decision
/// with the creditor's name and IBAN, the amount in euros, an EndToEndId and the application's reference as the remittance
/// line. Every file is checked against the official schema before it leaves the portal; a file that fails is never handed
/// out (an error is thrown instead, and the page says so).
/// </summary>
public static class SepaCreditTransfer
{
    public const string Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";
    public const string ContentType = "application/xml";

    private static readonly Lazy<XmlSchemaSet> Schemas = new(() =>
    {
        using var stream = typeof(SepaCreditTransfer).Assembly.GetManifestResourceStream("payments/pain.001.001.03.xsd")
                           ?? throw new InvalidOperationException("The pain.001.001.03 schema is not embedded.");
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        set.Add(Namespace, reader);
        set.Compile();
        return set;
    });

    /// <summary>The schema the files are checked against (embedded from Payments/pain.001.001.03.xsd).</summary>
    public static XmlSchemaSet Schema => Schemas.Value;

    /// <summary>The file's name, e.g. "NIJ-SUB-20261203-00001.xml".</summary>
    public static string FileName(PaymentBatch batch) => $"{batch.MessageId}.xml";

    /// <summary>The batch as a pain.001.001.03 document (UTF-8), checked against the schema.</summary>
    public static byte[] Write(PaymentBatch batch)
    {
        var document = Build(batch);
        var problems = Validate(document);
        if (problems.Count > 0) throw new InvalidOperationException($"Payment batch {batch.Number} does not match pain.001.001.03: {problems[0]}");
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
            document.Save(writer);
        return stream.ToArray();
    }

    /// <summary>The schema's complaints about <paramref name="document"/> (empty: it is valid).</summary>
    public static IReadOnlyList<string> Validate(XDocument document)
    {
        var problems = new List<string>();
        document.Validate(Schema, (_, e) => problems.Add(e.Message));
        return problems;
    }

    public static XDocument Build(PaymentBatch batch)
    {
        XNamespace ns = Namespace;
        XElement E(string name, params object?[] content) => new(ns + name, content);
        var payments = batch.Payments.OrderBy(p => p.Reference, StringComparer.Ordinal).ThenBy(p => p.EndToEndId, StringComparer.Ordinal).ToList();
        var count = payments.Count.ToString(CultureInfo.InvariantCulture);
        var total = Euros(batch.TotalCents);
        return new XDocument(new XDeclaration("1.0", "UTF-8", null),
            E("Document",
                E("CstmrCdtTrfInitn",
                    E("GrpHdr",
                        E("MsgId", batch.MessageId),
                        E("CreDtTm", batch.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)),
                        E("NbOfTxs", count),
                        E("CtrlSum", total),
                        E("InitgPty", E("Nm", batch.DebtorName))),
                    E("PmtInf",
                        E("PmtInfId", $"{batch.MessageId}-1"),
                        E("PmtMtd", "TRF"),
                        E("BtchBookg", "true"),
                        E("NbOfTxs", count),
                        E("CtrlSum", total),
                        E("PmtTpInf", E("SvcLvl", E("Cd", "SEPA"))),
                        E("ReqdExctnDt", batch.ExecutionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                        E("Dbtr", E("Nm", batch.DebtorName)),
                        E("DbtrAcct", E("Id", E("IBAN", batch.DebtorIban))),
                        E("DbtrAgt", E("FinInstnId", E("BIC", batch.DebtorBic))),
                        E("ChrgBr", "SLEV"),
                        payments.Select(p =>
                            E("CdtTrfTxInf",
                                E("PmtId", E("EndToEndId", p.EndToEndId)),
                                E("Amt", new XElement(ns + "InstdAmt", new XAttribute("Ccy", "EUR"), Euros(p.AmountCents))),
                                E("Cdtr", E("Nm", p.CreditorName)),
                                E("CdtrAcct", E("Id", E("IBAN", p.CreditorIban))),
                                E("RmtInf", E("Ustrd", p.RemittanceInformation))))))));
    }

    /// <summary>1800.00: euros with two decimals and a point, as the schema and the EPC rules want.</summary>
    public static string Euros(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture);
}
