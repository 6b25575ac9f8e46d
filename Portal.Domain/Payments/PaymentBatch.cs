using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Events;
using Portal.Domain.Organisations;
using Portal.Domain.Terms;

namespace Portal.Domain.Payments;

/// <summary>
/// One granted decision to be paid: to the group's own account, or to its host organisation's (penvoerder) that receives
/// and manages the money for a group without an account of its own.
/// </summary>
public sealed record PaymentOrder(Guid DecisionId, Guid ApplicationId, int DecisionNumber, string Reference, Money.Money Amount,
    string CreditorName, Iban CreditorIban, bool ViaHost);

/// <summary>The municipality's account the grants are paid from (configuration: name, IBAN, BIC).</summary>
public sealed record Debtor(string Name, Iban Iban, string Bic);

/// <summary>
/// A payment batch for the finance department: granted decisions (a directe vaststelling, or a verlening, which is paid
/// when granted) that are paid together by one SEPA credit transfer file (pain.001.001.03). Each decision is in at most one
/// batch — the database holds a unique index on the decision, and batches are made one at a time — so no grant is paid
/// twice, whatever two staff members click at the same moment. The batch keeps what was ordered (creditor, IBAN, amount,
/// the remittance line) as it was then: a later change of the group's account does not change a file already handed over.
/// </summary>
public sealed class PaymentBatch : AggregateRoot
{
    /// <summary>SEPA identifiers (MsgId, PmtInfId, EndToEndId) take at most 35 characters.</summary>
    public const int MaxIdLength = 35;
    /// <summary>A creditor's name takes at most 70 characters (Max70Text).</summary>
    public const int MaxNameLength = 70;
    /// <summary>The unstructured remittance line takes at most 140 characters (Max140Text).</summary>
    public const int MaxRemittanceLength = 140;

    private readonly List<Payment> payments = [];

    private PaymentBatch() { }

    public Guid Id { get; private set; }
    /// <summary>1, 2, 3 … in the order batches were made.</summary>
    public int Number { get; private set; }
    /// <summary>The file's message id (GrpHdr/MsgId): unique per batch, so the bank refuses the same file sent twice.</summary>
    public string MessageId { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public Guid CreatedBy { get; private set; }
    /// <summary>The day the bank is asked to pay (ReqdExctnDt): the next working day.</summary>
    public DateOnly ExecutionDate { get; private set; }
    public string DebtorName { get; private set; } = "";
    public string DebtorIban { get; private set; } = "";
    public string DebtorBic { get; private set; } = "";
    public long TotalCents { get; private set; }
    public DateTimeOffset? FirstDownloadedAt { get; private set; }
    public IReadOnlyList<Payment> Payments => payments;
    public Money.Money Total => new(TotalCents);

    /// <summary>Makes batch <paramref name="number"/> of <paramref name="orders"/>: at least one, each decision once, every amount above zero.</summary>
    public static PaymentBatch Make(int number, IReadOnlyList<PaymentOrder> orders, Debtor debtor, DateOnly executionDate, Actor by,
        DateTimeOffset now)
    {
        if (by.Role != ActorRole.Approver || by.UserId is not { } userId) throw new DomainException("Payout.NotAllowed");
        if (orders.Count == 0) throw new DomainException("Payout.NothingToPay");
        if (orders.DistinctBy(o => o.DecisionId).Count() != orders.Count) throw new DomainException("Payout.DecisionTwice");
        if (orders.Any(o => o.Amount.Cents <= 0)) throw new DomainException("Payout.AmountAboveZero");
        var batch = new PaymentBatch
        {
            Id = Guid.NewGuid(),
            Number = number,
            MessageId = $"NIJ-SUB-{NijmegenTime.DayOf(now):yyyyMMdd}-{number:D5}",
            CreatedAt = now,
            CreatedBy = userId,
            ExecutionDate = executionDate,
            DebtorName = SepaText.Clean(debtor.Name, MaxNameLength),
            DebtorIban = debtor.Iban.Value,
            DebtorBic = debtor.Bic,
            TotalCents = orders.Sum(o => o.Amount.Cents),
        };
        foreach (var order in orders)
        {
            var payment = new Payment(batch.Id, order);
            batch.payments.Add(payment);
            batch.Raise(new PaymentOrdered(order.ApplicationId, order.DecisionId, batch.Id, number, order.Amount.Cents, order.ViaHost, by, now));
        }
        batch.Raise(new PaymentBatchMade(batch.Id, number, orders.Count, batch.TotalCents, by, now));
        return batch;
    }

    /// <summary>The file was downloaded (every download is audited; the first is kept on the batch).</summary>
    public void Downloaded(Actor by, DateTimeOffset now)
    {
        FirstDownloadedAt ??= now;
        Raise(new PaymentFileDownloaded(Id, Number, by, now));
    }
}

/// <summary>One credit transfer of a batch: one granted decision, to one account, as ordered.</summary>
public sealed class Payment
{
    private Payment() { }

    internal Payment(Guid batchId, PaymentOrder order)
    {
        Id = Guid.NewGuid();
        BatchId = batchId;
        DecisionId = order.DecisionId;
        ApplicationId = order.ApplicationId;
        Reference = order.Reference;
        AmountCents = order.Amount.Cents;
        CreditorIban = order.CreditorIban.Value;
        ViaHost = order.ViaHost;
        var reference = SepaText.Clean(order.Reference, 20);
        // The group's name as the bank can carry it; a name with no Latin letters at all still names whom it is for.
        CreditorName = SepaText.Clean(order.CreditorName, PaymentBatch.MaxNameLength) is { Length: > 0 } name ? name : $"Subsidie {reference}";
        EndToEndId = SepaText.Clean($"{reference}-{order.DecisionNumber}", PaymentBatch.MaxIdLength);
        RemittanceInformation = SepaText.Clean($"Subsidie {reference} besluit {order.DecisionNumber}", PaymentBatch.MaxRemittanceLength);
    }

    public Guid Id { get; private set; }
    public Guid BatchId { get; private set; }
    public Guid DecisionId { get; private set; }
    public Guid ApplicationId { get; private set; }
    public string Reference { get; private set; } = "";
    public long AmountCents { get; private set; }
    /// <summary>In the SEPA character set (see <see cref="SepaText"/>).</summary>
    public string CreditorName { get; private set; } = "";
    public string CreditorIban { get; private set; } = "";
    /// <summary>Paid to the host organisation (penvoerder) of the group, not to the group's own account.</summary>
    public bool ViaHost { get; private set; }
    /// <summary>The application's reference and the decision's version: what the bank passes on end to end.</summary>
    public string EndToEndId { get; private set; } = "";
    /// <summary>The remittance line (Ustrd) the receiver sees on their statement: it carries the application's reference.</summary>
    public string RemittanceInformation { get; private set; } = "";
    public Money.Money Amount => new(AmountCents);
}

public sealed record PaymentBatchMade(Guid BatchId, int Number, int Count, long TotalCents, Actor Actor, DateTimeOffset OccurredAt)
    : DomainEvent(Actor, OccurredAt)
{
    public const string ObjectType = "payment-batch";
    public override AuditObject Object => new(ObjectType, BatchId);
    public override string Action => "payment-batch.made";
    public override string? Detail =>
        $"batch {Number}; {Count} payments; {TotalCents.ToString(System.Globalization.CultureInfo.InvariantCulture)} cents";
}

public sealed record PaymentFileDownloaded(Guid BatchId, int Number, Actor Actor, DateTimeOffset OccurredAt) : DomainEvent(Actor, OccurredAt)
{
    public override AuditObject Object => new(PaymentBatchMade.ObjectType, BatchId);
    public override string Action => "payment-batch.downloaded";
    public override string? Detail => $"batch {Number}; pain.001.001.03";
}

/// <summary>On the application's own trail: its grant was put in a payment batch.</summary>
public sealed record PaymentOrdered(Guid ApplicationId, Guid DecisionId, Guid BatchId, int BatchNumber, long AmountCents, bool ViaHost, Actor Actor,
    DateTimeOffset OccurredAt) : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.payment-ordered";
    public override string? Detail =>
        $"decision {DecisionId}; batch {BatchNumber}; {AmountCents.ToString(System.Globalization.CultureInfo.InvariantCulture)} cents; {(ViaHost ? "host organisation" : "own account")}";
}
