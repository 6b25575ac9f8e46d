using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Infrastructure.Files;

namespace Portal.Settlement;

/// <summary>
/// The work behind the report page (issue 12, point 6): the standing verlening of an application, its report, and giving
/// the report once — the photo checked like every upload (size, type by its content, a safe name), the report and the photo
/// stored in one SaveChanges with its audit row. Pages check access first.
/// </summary>
public sealed class ActivityReports(PortalDbContext db, TimeProvider clock)
{

    /// <summary>Where the report of an application stands, for the status page and the report page.</summary>
    public sealed record Standing(Decision Verlening, ActivityReport? Report, Decision? Vaststelling)
    {
        public DateOnly DueOn => ActivityReport.DueOn(Verlening);

        /// <summary>From the application's decisions and reports: the newest verlening not reopened, or null when there is none.</summary>
        public static Standing? Of(IEnumerable<Decision> decisions, IEnumerable<ActivityReport> reports)
        {
            var all = decisions.Where(d => d.ReopenedAt == null).ToList();
            var verlening = all.Where(d => d.Kind == DecisionKind.Verlening).MaxBy(d => d.Number);
            return verlening is null ? null
                : new Standing(verlening, reports.SingleOrDefault(r => r.DecisionId == verlening.Id), all.SingleOrDefault(d => d.SettlesDecisionId == verlening.Id));
        }
    }

    /// <summary>The verlening that stands on the application, with its report and vaststelling, or null when there is none.</summary>
    public async Task<Standing?> StandingAsync(Guid applicationId, CancellationToken cancellationToken = default)
    {
        var found = await db.Applications.AsNoTracking().Where(a => a.Id == applicationId).Select(a => new
        {
            Decisions = db.Decisions.Where(d => d.ApplicationId == applicationId).ToList(),
            Reports = db.Set<ActivityReport>().Where(r => r.ApplicationId == applicationId).ToList(),
        }).SingleOrDefaultAsync(cancellationToken);
        return found is null ? null : Standing.Of(found.Decisions, found.Reports);
    }

    /// <summary>
    /// Gives the report on <paramref name="verlening"/>. Refused with a resource key: a photo that is too large, not a JPG or
    /// PNG, or not what its name says; a missing or wrong answer (the domain's keys); a report already given
    /// ("Report.AlreadySent", also when two clicks race).
    /// </summary>
    public async Task<ActivityReport> SubmitAsync(Decision verlening, ActivityReportAnswers answers, FileUpload? photo, Actor by,
        CancellationToken cancellationToken = default)
    {
        if (await db.Set<ActivityReport>().AnyAsync(r => r.DecisionId == verlening.Id, cancellationToken))
            throw new DomainException("Report.AlreadySent");
        ReportPhoto? checkedPhoto = null;
        if (photo is not null)
        {
            if (photo.Content.LongLength > FileInspector.MaxFileBytes) throw new DomainException("Report.Photo.TooLarge");
            var inspection = FileInspector.Inspect(photo.FileName, photo.Content);
            if (!inspection.Accepted) throw new DomainException(inspection.RefusalKey == "Attachment.Error.Type" ? "Report.Photo.Type" : inspection.RefusalKey!);
            if (inspection.ContentType is not ("image/jpeg" or "image/png")) throw new DomainException("Report.Photo.Type");
            checkedPhoto = new ReportPhoto(FileInspector.SafeFileName(photo.FileName), inspection.ContentType, photo.Content.LongLength);
        }
        var report = ActivityReport.Submit(verlening, answers, checkedPhoto, by, clock.GetUtcNow());
        db.Add(report);
        if (photo is not null) db.Add(new ActivityReportPhoto { ReportId = report.Id, Content = photo.Content });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same report sent twice at the same moment: the first one counts.
            db.ChangeTracker.Clear();
            throw new DomainException("Report.AlreadySent");
        }
        return report;
    }

    /// <summary>The photo of a report (null when it has none).</summary>
    public async Task<(byte[] Content, string ContentType, string FileName)?> PhotoAsync(Guid reportId, CancellationToken cancellationToken = default)
    {
        var report = await db.Set<ActivityReport>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is not { PhotoFileName: { } name, PhotoContentType: { } type }) return null;
        var content = await db.Set<ActivityReportPhoto>().AsNoTracking().Where(p => p.ReportId == reportId).Select(p => p.Content)
            .SingleOrDefaultAsync(cancellationToken);
        return content is null ? null : (content, type, name);
    }
}
