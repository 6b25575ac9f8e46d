using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Organisations;
using Portal.Domain.Payments;
using Portal.Domain.Terms;

namespace Portal.Payments;

/// <summary>The municipality's account the grants are paid from (appsettings "Payments"; example values for Nijmegen).</summary>
public sealed class PaymentOptions
{
    public string DebtorName { get; set; } = "";
    public string DebtorIban { get; set; } = "";
    public string DebtorBic { get; set; } = "";

    public Debtor Debtor() =>
        new(DebtorName, Iban.TryParse(DebtorIban, out _) ?? throw new InvalidOperationException("Payments:DebtorIban is not a valid IBAN."),
            DebtorBic.Trim().ToUpperInvariant());
}

/// <summary>
/// Point 7 of issue 12: which granted decisions wait for payment, and making a batch of them. A grant is paid when it is
/// granted: a directe vaststelling (final at once) and a verlening alike; a vaststelling after a verlening is not paid again
/// (settling a lower amount, and reclaiming, are not done here). A decision that replaced a paid one (after an objection) is
/// paid only for what it adds. Batches are made one at a time (a transaction-level advisory lock), and the database refuses
/// a decision in a second batch (unique index), so two staff members clicking at once never pay a grant twice.
/// </summary>
public sealed class PaymentBatches(PortalDbContext db, IOptions<PaymentOptions> options, TimeProvider clock)
{
    /// <summary>An arbitrary constant that names "making a payment batch" among advisory locks.</summary>
    private const long BatchLock = 0x5045_4E41_0012;

    /// <summary>A granted decision not paid yet; <see cref="CreditorIban"/> is null while the account is not known.</summary>
    public sealed record Payable(Guid DecisionId, Guid ApplicationId, int DecisionNumber, string Reference, DecisionKind Kind,
        DateOnly DecidedOn, long AmountCents, Guid OrganisationId, string OrganisationName, PaymentRoute? Route, string? CreditorName,
        string? CreditorIban)
    {
        public bool ViaHost => Route == PaymentRoute.HostOrganisation;
        public Domain.Money.Money Amount => new(AmountCents);
        public bool CanBePaid => CreditorIban is not null && CreditorName is not null;
    }

    /// <summary>The granted decisions that stand and are not paid (in full) yet, oldest decision first.</summary>
    public async Task<IReadOnlyList<Payable>> PayableAsync(CancellationToken cancellationToken = default)
    {
        var rows = await (
                from decision in db.Decisions
                where decision.ReopenedAt == null && (decision.Kind == DecisionKind.DirectVaststelling || decision.Kind == DecisionKind.Verlening)
                      && decision.AmountCents > 0
                where !db.Set<Payment>().Any(p => p.DecisionId == decision.Id)
                join application in db.Applications on decision.ApplicationId equals application.Id
                join organisation in db.Organisations on application.OrganisationId equals organisation.Id
                let paidBefore = db.Set<Payment>().Where(p => p.ApplicationId == application.Id).Sum(p => (long?)p.AmountCents) ?? 0
                orderby decision.DecidedAt, decision.Id
                select new
                {
                    decision.Id, ApplicationId = application.Id, decision.Number, application.Reference, decision.Kind, decision.DecidedOn,
                    Amount = decision.AmountCents!.Value - paidBefore, OrganisationId = organisation.Id, organisation.Name, organisation.PaymentRoute,
                    organisation.Iban, organisation.AccountHolder, organisation.HostName, organisation.HostIban,
                })
            .AsNoTracking().ToListAsync(cancellationToken);
        return rows.Where(r => r.Amount > 0).Select(r => new Payable(r.Id, r.ApplicationId, r.Number, r.Reference ?? "", r.Kind, r.DecidedOn, r.Amount,
                r.OrganisationId, r.Name, r.PaymentRoute,
                r.PaymentRoute == PaymentRoute.HostOrganisation ? r.HostName : r.PaymentRoute == PaymentRoute.OwnAccount ? r.AccountHolder : null,
                r.PaymentRoute == PaymentRoute.HostOrganisation ? r.HostIban : r.PaymentRoute == PaymentRoute.OwnAccount ? r.Iban : null))
            .ToList();
    }

    /// <summary>What became of a request to make a batch: the batch, or null when none of the chosen decisions was left to pay.</summary>
    public sealed record Outcome(PaymentBatch? Batch, int AlreadyPaid, int WithoutAccount);

    /// <summary>
    /// Makes a batch of the chosen decisions that still wait for payment and have a known account; decisions paid meanwhile
    /// (another click, another staff member) are left out and counted. One transaction, one batch at a time.
    /// </summary>
    public async Task<Outcome> MakeAsync(IReadOnlyCollection<Guid> decisionIds, Actor by, CancellationToken cancellationToken = default)
    {
        var debtor = options.Value.Debtor();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({BatchLock})", cancellationToken);
            // Read after the lock: a batch committed by the one who held it before is seen here.
            var payable = (await PayableAsync(cancellationToken)).Where(p => decisionIds.Contains(p.DecisionId)).ToList();
            var ready = payable.Where(p => p.CanBePaid).ToList();
            var outcome = new Outcome(null, decisionIds.Distinct().Count() - payable.Count, payable.Count - ready.Count);
            if (ready.Count == 0) return outcome;
            var now = clock.GetUtcNow();
            var number = (await db.Set<PaymentBatch>().MaxAsync(b => (int?)b.Number, cancellationToken) ?? 0) + 1;
            var orders = ready.Select(p => new PaymentOrder(p.DecisionId, p.ApplicationId, p.DecisionNumber, p.Reference, p.Amount, p.CreditorName!,
                Iban.TryParse(p.CreditorIban, out _)!, p.ViaHost)).ToList();
            var executionDate = AtwCalendar.Netherlands.AddWorkingDays(NijmegenTime.DayOf(now), 1);
            var batch = PaymentBatch.Make(number, orders, debtor, executionDate, by, now);
            db.Add(batch);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return outcome with { Batch = batch };
        });
    }

    /// <summary>Staff record the host organisation's IBAN (from the agreement with the host) of a group paid through a host.</summary>
    public async Task<bool> RecordHostIbanAsync(Guid organisationId, Iban iban, Actor by, CancellationToken cancellationToken = default)
    {
        if (await db.Organisations.Include(o => o.Members).SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken) is not { } organisation)
            return false;
        organisation.RecordHostIban(iban, by, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The batch with its payments, for the page and the file.</summary>
    public Task<PaymentBatch?> BatchAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Set<PaymentBatch>().Include(b => b.Payments).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);

    public Task<List<PaymentBatch>> RecentAsync(int count, CancellationToken cancellationToken = default) =>
        db.Set<PaymentBatch>().AsNoTracking().OrderByDescending(b => b.Number).Take(count).ToListAsync(cancellationToken);
}
