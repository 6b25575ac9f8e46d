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
public sealed class PostTasks(PortalDbContext db, TimeProvider clock, Decisions.DecisionDocuments documents)
{
    public const int MostShown = 200;

    public sealed record Row(Guid ApplicationId, Guid DecisionId, string? Reference, string GroupName, DecisionKind Kind, DateOnly DecidedOn,
        DispatchChannel Route, PostReason? PostReason, DateTimeOffset? PostTaskSince, DispatchChannel? Channel, DateTimeOffset? SentAt,
        DateOnly? ObjectionLastDay, DateTimeOffset? FirstOpenedAt);

    public enum Outcome { Posted, AlreadySent, ChangedMeanwhile }

    /// <summary>Letters to post, oldest task first.</summary>
    public Task<List<Row>> ToPostAsync(CancellationToken cancellationToken) =>
        ListAsync(Joined().Where(j => j.Dispatch.PostTaskSince != null && j.Dispatch.PostedOn == null && j.Decision.SentAt == null
            && j.Decision.ReopenedAt == null).OrderBy(j => j.Dispatch.PostTaskSince), cancellationToken);

    /// <summary>The latest decisions that went out, newest first.</summary>
    public Task<List<Row>> SentAsync(CancellationToken cancellationToken) =>
        ListAsync(Joined().Where(j => j.Decision.SentAt != null).OrderByDescending(j => j.Decision.SentAt), cancellationToken);

    /// <summary>Decisions that wait for the mail server to accept their email.</summary>
    public Task<List<Row>> WaitingForEmailAsync(CancellationToken cancellationToken) =>
        ListAsync(Joined().Where(j => j.Dispatch.PostTaskSince == null && j.Decision.SentAt == null && j.Decision.ReopenedAt == null)
            .OrderBy(j => j.Dispatch.CreatedAt), cancellationToken);

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
            // The letter as posted stays on file: later downloads are this document (its last day to object is now fixed).
            await documents.KeepAsync(decisionId, cancellationToken: cancellationToken);
            return Outcome.Posted;
        }
        catch (DbUpdateConcurrencyException)
        {
            // The email went after all (or a colleague marked it) between reading and saving.
            return Outcome.ChangedMeanwhile;
        }
    }

    private sealed class JoinedRow
    {
        public required DecisionDispatch Dispatch { get; init; }
        public required Decision Decision { get; init; }
        public required string? Reference { get; init; }
        public required string GroupName { get; init; }
    }

    private IQueryable<JoinedRow> Joined() =>
        from dispatch in db.DecisionDispatches.AsNoTracking()
        join decision in db.Decisions.AsNoTracking() on dispatch.DecisionId equals decision.Id
        join application in db.Applications.AsNoTracking() on decision.ApplicationId equals application.Id
        join organisation in db.Organisations.AsNoTracking() on application.OrganisationId equals organisation.Id
        select new JoinedRow { Dispatch = dispatch, Decision = decision, Reference = application.Reference, GroupName = organisation.Name };

    private static async Task<List<Row>> ListAsync(IQueryable<JoinedRow> ordered, CancellationToken cancellationToken) =>
        (await ordered.Take(MostShown).ToListAsync(cancellationToken)).Select(j => new Row(j.Decision.ApplicationId, j.Decision.Id, j.Reference,
            j.GroupName, j.Decision.Kind, j.Decision.DecidedOn, j.Dispatch.Route, j.Dispatch.PostReason, j.Dispatch.PostTaskSince, j.Decision.Channel,
            j.Decision.SentAt, j.Decision.ObjectionLastDay, j.Decision.FirstOpenedAt)).ToList();
}
