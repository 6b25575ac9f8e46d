using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Terms;
using Portal.Infrastructure.Files;

namespace Portal.Objections;

/// <summary>
/// The work behind the objection pages (issue 12, point 4): receiving an objection with its files in one save (so its audit
/// row and the receipt email go in the same transaction), and finding what the pages show. Pages check access first.
/// </summary>
public sealed class ObjectionDesk(PortalDbContext db, TimeProvider clock)
{

    /// <summary>The decision that stands on the application now (the newest version not reopened), or null.</summary>
    public Task<Decision?> StandingDecisionAsync(Guid applicationId) =>
        db.Decisions.Where(d => d.ApplicationId == applicationId && d.ReopenedAt == null).OrderByDescending(d => d.Number).FirstOrDefaultAsync();

    /// <summary>Every version of the decision on the application, newest first.</summary>
    public Task<List<Decision>> DecisionsAsync(Guid applicationId) =>
        db.Decisions.AsNoTracking().Where(d => d.ApplicationId == applicationId).OrderByDescending(d => d.Number).ToListAsync();

    /// <summary>The objections to the application's decisions, newest first.</summary>
    public Task<List<Objection>> ObjectionsAsync(Guid applicationId) =>
        db.Set<Objection>().AsNoTracking().Where(o => o.ApplicationId == applicationId).OrderByDescending(o => o.LodgedAt).ToListAsync();

    /// <summary>
    /// Receives the objection to <paramref name="decision"/>: every file checked like an attachment first (size, type,
    /// content), then the objection and its files stored in one save. When the decision already has an objection (a second
    /// click, a second tab, someone else of the group at the same moment) that one is returned and nothing new is stored.
    /// </summary>
    /// <returns>The objection, and whether it is the one received now.</returns>
    public async Task<(Objection Objection, bool New)> LodgeAsync(Application application, Decision decision, string? text,
        IReadOnlyList<FileUpload> uploads, Actor by)
    {
        if (await ExistingAsync(decision.Id) is { } existing) return (existing, false);
        var now = clock.GetUtcNow();
        var checkedFiles = FileUpload.CheckAll(uploads, Objection.MaxFiles, "Objection.Error.TooManyFiles");
        var objection = Objection.Lodge(application, decision, text, by, now, AtwCalendar.Netherlands);
        db.Add(objection);
        foreach (var (upload, contentType) in checkedFiles)
        {
            var attachment = application.AttachToObjection(objection, FileInspector.SafeFileName(upload.FileName), contentType,
                upload.Content.LongLength, by, now);
            db.Add(attachment);
            db.AttachmentFiles.Add(new AttachmentFile { AttachmentId = attachment.Id, Content = upload.Content });
        }
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Someone of the group objected at the same moment: theirs is the one, and nothing of this one was stored.
            db.ChangeTracker.Clear();
            return (await ExistingAsync(decision.Id) ?? throw new InvalidOperationException("The objection that won the race is gone."), false);
        }
        return (objection, true);
    }

    private Task<Objection?> ExistingAsync(Guid decisionId) =>
        db.Set<Objection>().AsNoTracking().SingleOrDefaultAsync(o => o.DecisionId == decisionId);
}
