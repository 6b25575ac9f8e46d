using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Web;

namespace Portal.Infrastructure.Email;

/// <summary>
/// Once a draft has been untouched for 14 days, its organisation's members get ONE reminder that offers a coach.
/// Drafts are claimed with FOR UPDATE SKIP LOCKED and marked in the same transaction as the emails are put in the
/// outbox, so two nodes never both remind, and a second run finds nothing to do.
/// </summary>
public sealed class DraftReminderWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DraftReminderWorker> logger,
    TimeProvider? clock = null) : BatchReminderWorker(logger)
{
    protected override TimeSpan Interval => configuration.GetValue("Reminders:Interval", TimeSpan.FromHours(1));

    protected override string FailureMessage => "Draft reminders could not be sent";

    /// <returns>How many drafts were reminded about.</returns>
    public override async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        var time = clock ?? services.GetRequiredService<TimeProvider>();
        var now = time.GetUtcNow();
        var untouchedSince = now - TimeSpan.FromDays(14);
        var text = services.GetRequiredService<PortalText>();
        var links = services.GetRequiredService<PublicLinks>();
        var emails = new SubmissionEmails(new EmailOutbox(db, time, text), text, services.GetRequiredService<IOptions<HelpContactOptions>>().Value);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var drafts = await db.Applications.FromSqlInterpolated($"""
            SELECT *, xmin FROM "Applications"
            WHERE "Status" = {nameof(ApplicationStatus.Draft)} AND "DraftReminderSentAt" IS NULL AND "UpdatedAt" <= {untouchedSince}
            ORDER BY "UpdatedAt"
            LIMIT {BatchSize}
            FOR UPDATE SKIP LOCKED
            """).ToListAsync(cancellationToken);
        drafts = drafts.Where(d => d.NeedsDraftReminder(now)).ToList();
        if (drafts.Count == 0) return 0;

        var organisationIds = drafts.Select(d => d.OrganisationId).Distinct().ToList();
        var members = await db.Organisations.AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id))
            .SelectMany(o => o.Members.Select(m => new { OrganisationId = o.Id, m.UserId }))
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m.OrganisationId, User = u })
            .ToListAsync(cancellationToken);
        var schemes = await db.Schemes.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Slug, cancellationToken);

        foreach (var draft in drafts)
        {
            foreach (var member in members.Where(m => m.OrganisationId == draft.OrganisationId && m.User.Email is not null))
                emails.DraftReminder(member.User, draft, schemes[draft.SchemeId],
                    links.Page("/Applications/TaskList", new { id = draft.Id }), links.Page("/Help"));
            draft.DraftReminderSent(now);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Reminded {Count} organisation(s) of a draft untouched for 14 days", drafts.Count);
        return drafts.Count;
    }
}
