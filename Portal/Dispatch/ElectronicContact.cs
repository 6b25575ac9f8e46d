using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Decisions;

namespace Portal.Dispatch;

/// <summary>
/// Who may get decisions by email (Wmebv): the latest recorded answer of each person counts; no answer means post. Read by
/// the dispatch of a decision, written by the check page (at submission) and the profile page.
/// </summary>
public sealed class ElectronicContact(PortalDbContext db, TimeProvider clock)
{
    /// <summary>The person's answer that counts now, or null when they never answered.</summary>
    public async Task<bool?> CurrentAsync(Guid userId, CancellationToken cancellationToken = default) =>
        (await CurrentForAsync(db, [userId], cancellationToken)).TryGetValue(userId, out var consents) ? consents : null;

    /// <summary>The answers that count now, for each of <paramref name="userIds"/> that ever answered.</summary>
    public static async Task<Dictionary<Guid, bool>> CurrentForAsync(PortalDbContext db, IReadOnlyCollection<Guid> userIds,
        CancellationToken cancellationToken = default)
    {
        if (userIds.Count == 0) return [];
        var ids = userIds.ToList();
        var answers = await db.ElectronicContactConsents.AsNoTracking()
            .Where(c => ids.Contains(c.UserId) && c.MessageKind == ElectronicContactConsent.SubsidyDecisions)
            .ToListAsync(cancellationToken);
        return answers.GroupBy(c => c.UserId).ToDictionary(g => g.Key, g => ElectronicContactConsent.Current(g)!.Value);
    }

    /// <summary>The person's own answer in their profile; saved by the caller. False when it changed nothing.</summary>
    public async Task<bool> ChangeInProfileAsync(Guid userId, bool consents, CancellationToken cancellationToken = default)
    {
        var current = await CurrentAsync(userId, cancellationToken);
        if (ElectronicContactConsent.Record(userId, consents, ConsentAskedAt.Profile, null, current, Actor.Applicant(userId), clock.GetUtcNow())
            is not { } answer) return false;
        db.ElectronicContactConsents.Add(answer);
        return true;
    }
}
