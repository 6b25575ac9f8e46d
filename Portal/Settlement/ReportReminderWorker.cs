using Microsoft.EntityFrameworkCore;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Decisions;
using Portal.Domain.Terms;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Web;

namespace Portal.Settlement;

/// <summary>
/// Reminds the group to report on its activity (issue 12, point 6): once on the activity's last day, once two weeks before
/// the report is due — to every member and every coach the members let in, in their own language. Each reminder is a row
/// keyed by verlening and kind, inserted (ON CONFLICT DO NOTHING) in the same transaction as its mail: of two nodes, or a
/// restart, exactly one inserts it and mails; the other finds it there and sends nothing. No reminder once the report is in
/// or the verlening is settled or reopened; a late start sends only the second reminder, never both.
/// </summary>
public sealed class ReportReminderWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ReportReminderWorker> logger,
    TimeProvider? clock = null) : Infrastructure.BatchReminderWorker(logger)
{
    protected override TimeSpan Interval => configuration.GetValue("Reports:ReminderInterval", TimeSpan.FromHours(1));

    protected override string FailureMessage => "Report reminders could not be sent";

    private sealed record Candidate(Guid Id, Guid ApplicationId, DateOnly VaststellingDueOn);

    /// <returns>How many verleningen were looked at (a full batch means: look again).</returns>
    public override async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        var time = clock ?? services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        var today = NijmegenTime.DayOf(now);
        // Due soon from this day on: the report is due WeeksBeforeVaststelling weeks before the vaststelling, and we remind
        // RemindDaysBeforeDue days before that.
        var dueSoonBy = today.AddDays(7 * ActivityReport.WeeksBeforeVaststelling + ActivityReport.RemindDaysBeforeDue);
        var text = services.GetRequiredService<PortalText>();
        var links = services.GetRequiredService<PublicLinks>();
        var emails = new SettlementEmails(new EmailOutbox(db, time, text), text);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var candidates = await db.Decisions
            .Where(d => d.Kind == DecisionKind.Verlening && d.ReopenedAt == null && d.ActivityEndsOn <= today && d.VaststellingDueOn != null
                && !db.Set<ActivityReport>().Any(r => r.DecisionId == d.Id)
                && !db.Decisions.Any(v => v.SettlesDecisionId == d.Id && v.ReopenedAt == null)
                && (!db.Set<ReportReminder>().Any(r => r.DecisionId == d.Id && r.Kind == ReportReminderKind.ActivityEnded)
                    || (d.VaststellingDueOn <= dueSoonBy && !db.Set<ReportReminder>().Any(r => r.DecisionId == d.Id && r.Kind == ReportReminderKind.DueSoon))))
            .OrderBy(d => d.ActivityEndsOn).ThenBy(d => d.Id)
            .Select(d => new Candidate(d.Id, d.ApplicationId, d.VaststellingDueOn!.Value))
            .Take(BatchSize).ToListAsync(cancellationToken);
        var sent = 0;
        foreach (var candidate in candidates)
        {
            var kind = candidate.VaststellingDueOn <= dueSoonBy ? ReportReminderKind.DueSoon : ReportReminderKind.ActivityEnded;
            // A late start (or a short activity term) sends only the later reminder: the earlier one is marked as passed.
            if (kind == ReportReminderKind.DueSoon) await MarkAsync(db, candidate, ReportReminderKind.ActivityEnded, now, cancellationToken);
            if (await MarkAsync(db, candidate, kind, now, cancellationToken) == 0) continue; // another node sent it
            var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == candidate.ApplicationId, cancellationToken);
            var dueOn = candidate.VaststellingDueOn.AddDays(-7 * ActivityReport.WeeksBeforeVaststelling);
            var link = links.Page("/Applications/Report/Index", new { id = application.Id });
            foreach (var user in await ApplicantSideAsync(db, application, cancellationToken))
                emails.Reminder(user, application, kind, dueOn, link);
            sent++;
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (sent > 0) logger.LogInformation("Reminded {Count} group(s) to report on their activity", sent);
        return candidates.Count;
    }

    /// <returns>1 when this run marked the reminder, 0 when it was there already (sent before, or by another node now).</returns>
    private static Task<int> MarkAsync(PortalDbContext db, Candidate candidate, ReportReminderKind kind, DateTimeOffset now,
        CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO "ReportReminders" ("DecisionId", "Kind", "ApplicationId", "SentAt")
            VALUES ({candidate.Id}, {kind.ToString()}, {candidate.ApplicationId}, {now})
            ON CONFLICT DO NOTHING
            """, cancellationToken);

    /// <summary>Every member of the organisation and every coach with access that was not taken back.</summary>
    private static async Task<List<PortalUser>> ApplicantSideAsync(PortalDbContext db, Domain.Applications.Application application,
        CancellationToken cancellationToken)
    {
        var members = await db.Organisations.AsNoTracking().Where(o => o.Id == application.OrganisationId)
            .SelectMany(o => o.Members.Select(m => m.UserId)).ToListAsync(cancellationToken);
        var coaches = await db.CoachGrants.AsNoTracking().Where(g => g.ApplicationId == application.Id && g.RevokedAt == null)
            .Select(g => g.CoachId).ToListAsync(cancellationToken);
        var wanted = members.Concat(coaches).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id) && u.Email != null).ToListAsync(cancellationToken);
    }
}

/// <summary>The reminders to report, in the recipient's language, with the link to the report page on its own line.</summary>
public sealed class SettlementEmails(EmailOutbox outbox, Microsoft.Extensions.Localization.IStringLocalizer text)
{
    public void Reminder(PortalUser user, Domain.Applications.Application application, ReportReminderKind kind, DateOnly dueOn, string link) =>
        outbox.Enqueue(user.Email!, user.PreferredLanguage, culture =>
            (text[$"Report.Email.{kind}.Subject", application.Reference ?? ""],
                text[$"Report.Email.{kind}.Body", application.Reference ?? "", application.Title ?? "", ApplicationDisplay.Date(dueOn, culture), link]));
}

public static class SettlementSetup
{
    /// <summary>The light report, its reminders and the vaststelling (issue 12, point 6).</summary>
    public static IServiceCollection AddSettlement(this IServiceCollection services)
    {
        services.AddScoped<ActivityReports>();
        services.AddScoped<Settlements>();
        services.AddSingleton<ReportReminderWorker>().AddHostedService(sp => sp.GetRequiredService<ReportReminderWorker>());
        return services;
    }
}
