using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Events;
using Portal.Infrastructure.Localization;
using Portal.Review;

namespace Portal.Pages.Review.Applications;

/// <summary>
/// The timeline of one application for reviewers (issue 11, point 10): every state change, assignment, declaration, request
/// and staff view, read from the audit trail (index on object type, object id, time), newest first, in plain words.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
public sealed class TimelineModel(ReviewerGate gate, PortalDbContext db, PortalText text) : PageModel
{
    public const int Shown = 200;

    public sealed record Entry(DateTimeOffset At, string What, string Who);

    public Guid Id { get; private set; }
    public string Reference { get; private set; } = "";
    public IReadOnlyList<Entry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await gate.OpenAsync(User, id) is not { } opened) return NotFound();
        // The timeline names people and what they wrote about: only after the declaration, like the full application.
        if (!opened.MaySeeAll) return RedirectToPage("/Review/Applications/Index", new { id });
        (Id, Reference) = (id, opened.Application.Reference ?? "");
        var rows = await (from a in db.AuditEvents.AsNoTracking()
                          where a.ObjectType == AuditObject.ApplicationType && a.ObjectId == id
                          orderby a.OccurredAt descending, a.Id descending
                          select new { a.OccurredAt, a.Kind, a.ActorRole, a.Detail, a.UserId })
            .Take(Shown).ToListAsync();
        var people = rows.Select(r => r.UserId).OfType<Guid>().Concat(rows.Select(r => ReviewerIn(r.Detail)).OfType<Guid>()).Distinct().ToList();
        var emails = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "");
        Entries = rows.Select(r => new Entry(r.OccurredAt,
                Describe(r.Kind, ReviewerIn(r.Detail) is { } named ? emails.GetValueOrDefault(named) : null),
                Who(r.ActorRole, r.UserId is { } user ? emails.GetValueOrDefault(user) : null)))
            .ToList();
        return Page();
    }

    private string Describe(string kind, string? reviewer)
    {
        var words = text["Review.Timeline." + kind, Bidi.Isolate(reviewer ?? "")];
        // A kind this page has no words for yet (a later feature's) is shown as it is recorded rather than hidden.
        return words.ResourceNotFound ? kind : words.Value;
    }

    private string Who(string? role, string? email)
    {
        var as_ = role is null ? "" : text["Review.Timeline.Role." + role].Value;
        return email is null ? as_ : $"{as_} {Bidi.Isolate(email)}".Trim();
    }

    /// <summary>"reviewer {id}…" in the detail of an assignment names the reviewer it went to.</summary>
    private static Guid? ReviewerIn(string? detail) =>
        detail is not null && detail.StartsWith("reviewer ", StringComparison.Ordinal) && detail.Length >= 45
        && Guid.TryParse(detail.AsSpan(9, 36), out var id) ? id : null;
}
