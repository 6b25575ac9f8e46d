using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Terms;

namespace Portal.Dispatch;

/// <summary>
/// The staff side of dispatch: the letters to post (no consent to email, or the email failed), "posted on &lt;date&gt;" for
/// each, and how the latest decisions went out and were received (sent at, channel, last day to object, first opened).
/// </summary>
public sealed class PostTasks(PortalDbContext db, TimeProvider clock)
{
    public const int MostShown = 200;

    public sealed record Row(Guid ApplicationId, Guid DecisionId, string? Reference, string GroupName, DecisionKind Kind, DateOnly DecidedOn,
        DispatchChannel Route, PostReason? PostReason, DateTimeOffset? PostTaskSince, DispatchChannel? Channel, DateTimeOffset? SentAt,
        DateOnly? ObjectionLastDay, DateTimeOffset? FirstOpenedAt);

    public enum Outcome { Posted, AlreadySent, ChangedMeanwhile }

    /// <summary>Letters to post, oldest task first.</summary>
    public Task<List<Row>> ToPostAsync(CancellationToken cancellationToken) =>
        Rows(d => d.Dispatch.PostTaskSince != null && d.Dispatch.PostedOn == null && d.Decision.SentAt == null && d.Decision.ReopenedAt == null)
            .OrderBy(r => r.PostTaskSince).Take(MostShown).ToListAsync(cancellationToken);

    /// <summary>The latest decisions that went out, newest first.</summary>
    public Task<List<Row>> SentAsync(CancellationToken cancellationToken) =>
        Rows(d => d.Decision.SentAt != null).OrderByDescending(r => r.SentAt).Take(MostShown).ToListAsync(cancellationToken);

    /// <summary>Decisions that wait for the mail server to accept their email.</summary>
    public Task<List<Row>> WaitingForEmailAsync(CancellationToken cancellationToken) =>
        Rows(d => d.Dispatch.PostTaskSince == null && d.Decision.SentAt == null && d.Decision.ReopenedAt == null)
            .OrderBy(r => r.DecidedOn).Take(MostShown).ToListAsync(cancellationToken);

    /// <summary>Staff posted the letter on <paramref name="postedOn"/>; a bad date throws a <see cref="DomainException"/>.</summary>
    /// <returns>Null when there is no such decision with a dispatch.</returns>
    public async Task<Outcome?> MarkPostedAsync(Guid decisionId, DateOnly? postedOn, Actor by, CancellationToken cancellationToken = default)
    {
        var dispatch = await db.DecisionDispatches.SingleOrDefaultAsync(d => d.DecisionId == decisionId, cancellationToken);
        var decision = await db.Decisions.SingleOrDefaultAsync(d => d.Id == decisionId, cancellationToken);
        if (dispatch is null || decision is null) return null;
        if (decision.SentAt is not null || dispatch.PostedOn is not null) return Outcome.AlreadySent;
        dispatch.Posted(decision, postedOn, AtwCalendar.Netherlands, by, clock.GetUtcNow());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Outcome.Posted;
        }
        catch (DbUpdateConcurrencyException)
        {
            // The email went after all (or a colleague marked it) between reading and saving.
            return Outcome.ChangedMeanwhile;
        }
    }

    private sealed class Joined
    {
        public required DecisionDispatch Dispatch { get; init; }
        public required Decision Decision { get; init; }
    }

    private IQueryable<Row> Rows(System.Linq.Expressions.Expression<Func<Joined, bool>> filter) =>
        (from dispatch in db.DecisionDispatches.AsNoTracking()
         join decision in db.Decisions.AsNoTracking() on dispatch.DecisionId equals decision.Id
         select new Joined { Dispatch = dispatch, Decision = decision })
        .Where(filter)
        .Join(db.Applications.AsNoTracking(), j => j.Decision.ApplicationId, a => a.Id, (j, a) => new { j, a })
        .Join(db.Organisations.AsNoTracking(), x => x.a.OrganisationId, o => o.Id, (x, o) => new Row(x.a.Id, x.j.Decision.Id, x.a.Reference, o.Name,
            x.j.Decision.Kind, x.j.Decision.DecidedOn, x.j.Dispatch.Route, x.j.Dispatch.PostReason, x.j.Dispatch.PostTaskSince, x.j.Decision.Channel,
            x.j.Decision.SentAt, x.j.Decision.ObjectionLastDay, x.j.Decision.FirstOpenedAt));
}
