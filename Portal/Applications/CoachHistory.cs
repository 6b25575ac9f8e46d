using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Comments;
using Portal.Domain.Common;

namespace Portal.Applications;

/// <summary>
/// What coaches did with an application, read back from the audit trail for its members: who was let in and when, who
/// looked, changed, commented or summarised. The members see it all, in plain words, on their "who helps" page: consent
/// they cannot check is no consent.
/// </summary>
public sealed class CoachHistory(PortalDbContext db)
{
    /// <summary>The newest lines shown: enough for the life of a draft; the full trail stays in the audit table.</summary>
    public const int Shown = 50;

    /// <summary>One line: who (email, and whether as coach), what (the audit kind), about what (a question key or a grant kind), when.</summary>
    public sealed record Line(DateTimeOffset At, string Who, bool ByCoach, string Kind, string? About, string? CoachEmail, GrantKind? GrantKind);

    private static readonly string[] Kinds =
    [
        CoachAccessGranted.Name, CoachAccessRevoked.Name, CoachViewedApplication.Name, CommentAdded.Name, CommentReplied.Name,
        CommentDone.Name, AnswerSummaryWritten.Name, "application.answer-changed",
    ];

    public async Task<IReadOnlyList<Line>> OfAsync(Guid applicationId)
    {
        var coachRole = ActorRole.Coach.ToString();
        var rows = await (from a in db.AuditEvents
                          where a.ObjectType == "application" && a.ObjectId == applicationId && Kinds.Contains(a.Kind)
                                // A member's own edits are not audited; comments and replies of members are theirs to see on the page.
                                && (a.Kind != "application.answer-changed" || a.ActorRole == coachRole)
                          join u in db.Users on a.UserId equals u.Id into byUser
                          from u in byUser.DefaultIfEmpty()
                          orderby a.OccurredAt descending, a.Id descending
                          select new
                          {
                              a.OccurredAt, a.Kind, a.ActorRole, a.Detail,
                              Email = u == null ? null : db.CoachProfiles.Where(p => p.UserId == u.Id).Select(p => p.Name).FirstOrDefault() ?? u.Email,
                          })
            .Take(Shown).AsNoTracking().ToListAsync();
        // The grant rows name the coach by id; their addresses in one query.
        var coachIds = rows.Select(r => CoachOf(r.Detail)).OfType<Guid>().Distinct().ToList();
        var emails = await db.Users.Where(u => coachIds.Contains(u.Id))
            .Select(u => new { u.Id, Name = db.CoachProfiles.Where(p => p.UserId == u.Id).Select(p => p.Name).FirstOrDefault() ?? u.Email ?? "" })
            .ToDictionaryAsync(u => u.Id, u => u.Name);
        return rows.Select(r => new Line(r.OccurredAt, r.Email ?? "", r.ActorRole == coachRole, r.Kind,
                r.Kind is CoachAccessGranted.Name or CoachAccessRevoked.Name ? null : r.Detail,
                CoachOf(r.Detail) is { } coach ? emails.GetValueOrDefault(coach) : null,
                KindOf(r.Detail)))
            .ToList();
    }

    /// <summary>"coach {id}; CoachView" → the coach's id.</summary>
    private static Guid? CoachOf(string? detail) =>
        detail is not null && detail.StartsWith("coach ", StringComparison.Ordinal) && Guid.TryParse(detail.AsSpan(6, 36), out var id) ? id : null;

    private static GrantKind? KindOf(string? detail) =>
        detail is not null && detail.StartsWith("coach ", StringComparison.Ordinal)
            && Enum.TryParse<GrantKind>(detail.Split("; ").Last(), out var kind) ? kind : null;

    /// <summary>The resource key of the part of the application a question key belongs to ("budget.costs" → "Consent.Part.budget").</summary>
    public static string PartKey(string? about) => "Consent.Part." + (about is null ? "application" : CommentPlace.SectionOf(about));
}
