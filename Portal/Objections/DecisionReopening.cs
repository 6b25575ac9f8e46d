using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Assessment;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Review;

namespace Portal.Objections;

/// <summary>
/// Reopening a decision (issue 12, point 5): after an objection or a mistake an approver — the senior municipal role — reopens
/// the decision that stands, with a reason. In one transaction: the decision records who, when and why and stays readable as
/// it was; the application goes back to review (and its assessment back to a draft, so it is proposed and, where four-eyes
/// applies, approved again); a grant's spent budget is held again in its old place under the scheme's budget lock, so the
/// next decision spends it under every rule of the ceiling; the objections to that decision are marked as having had their
/// effect. The applicant is mailed from the decision's event. Withdrawing (intrekken) or amending (wijzigen) a decision is
/// this same path: reopen with the reason, then a new decision with the next number.
/// </summary>
public sealed class DecisionReopening(PortalDbContext db, BudgetLedger ledger, TimeProvider clock)
{
    /// <summary>Reopens <paramref name="decision"/>; a <see cref="DomainException"/> (no reason, already reopened) leaves nothing saved.</summary>
    public async Task ReopenAsync(Application application, Decision decision, string? reason, Actor by, CancellationToken cancellationToken = default)
    {
        // The approver's step only: someone who is both reviewer and approver reopens here as approver, never as reviewer.
        if (by.Role != ActorRole.Approver) throw new DomainException("Application.TransitionNotAllowed");
        if (decision.ApplicationId != application.Id) throw new ArgumentException("A decision on another application.", nameof(decision));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        decision.Reopen(reason is null ? null : Objection.LineBreaks(reason), by, now);
        application.ReopenForReview(by, now);
        var budget = await ledger.LockAsync(application.SchemeId, cancellationToken);
        budget.ReopenGrant(application.Id, by, now);
        foreach (var assessment in await db.Set<ApplicationAssessment>()
                     .Where(a => a.ApplicationId == application.Id && a.State == AssessmentState.Decided).ToListAsync(cancellationToken))
            assessment.DecisionReopened(by, now);
        foreach (var objection in await db.Set<Objection>().Where(o => o.DecisionId == decision.Id && o.DecisionReopenedAt == null)
                     .ToListAsync(cancellationToken))
            objection.DecisionReopened(now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
