using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Assessment;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Microsoft.EntityFrameworkCore;

namespace Portal.Review;

/// <summary>
/// The one way a proposal becomes a decision (issue 11, points 8 and 9): <see cref="ApplicationAssessment.Decide"/> keeps
/// four-eyes, and a grant spends the application's budget reservation under the scheme's budget lock
/// (<see cref="BudgetLedger.SpendAsync"/>) in the same transaction — the decision and the spending are one change, and two
/// approvals at the same moment are taken one after the other. A refusal or a not-processed decision gives the reservation
/// back as the application moves (<see cref="BudgetReservations"/>). A decided outcome becomes a <see cref="Decision"/> (the
/// besluit: its kind from the scheme, its reasons and the application as decided on, frozen) in the same transaction; a return
/// with suggestions is no decision and makes none.
/// </summary>
public sealed class ProposalDecisions(PortalDbContext db, BudgetLedger ledger, TimeProvider clock)
{
    /// <summary>Decides the proposal; a <see cref="DomainException"/> (four-eyes, a Ceiling.* key) leaves nothing saved.</summary>
    public async Task DecideAsync(ApplicationAssessment proposal, Application application, Actor by, CancellationToken cancellationToken = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        proposal.Decide(application, by, now);
        if (proposal.GrantAmount is { } amount) await ledger.SpendAsync(application, amount, by, cancellationToken);
        if (ApplicationStateMachine.IsDecided(application.Status))
        {
            var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == application.SchemeId, cancellationToken);
            var number = await db.Decisions.CountAsync(d => d.ApplicationId == application.Id, cancellationToken) + 1;
            db.Decisions.Add(Decision.Take(application, scheme, number, proposal.Id, proposal.Outcome!.Value, proposal.GrantAmount,
                proposal.Reasons, proposal.ReasonText, proposal.Feedback, ApplicationSnapshot.Of(application), by, now));
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
