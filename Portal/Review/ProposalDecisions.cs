using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Assessment;
using Portal.Domain.Common;

namespace Portal.Review;

/// <summary>
/// The one way a proposal becomes a decision (issue 11, points 8 and 9): <see cref="ApplicationAssessment.Decide"/> keeps
/// four-eyes, and a grant spends the application's budget reservation under the scheme's budget lock
/// (<see cref="BudgetLedger.SpendAsync"/>) in the same transaction — the decision and the spending are one change, and two
/// approvals at the same moment are taken one after the other. A refusal or a not-processed decision gives the reservation
/// back as the application moves (<see cref="BudgetReservations"/>).
/// </summary>
public sealed class ProposalDecisions(PortalDbContext db, BudgetLedger ledger, TimeProvider clock)
{
    /// <summary>Decides the proposal; a <see cref="DomainException"/> (four-eyes, a Ceiling.* key) leaves nothing saved.</summary>
    public async Task DecideAsync(ApplicationAssessment proposal, Application application, Actor by, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        proposal.Decide(application, by, clock.GetUtcNow());
        if (proposal.GrantAmount is { } amount) await ledger.SpendAsync(application, amount, by, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
