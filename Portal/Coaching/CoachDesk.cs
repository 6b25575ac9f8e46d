using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Coaching;
using Portal.Domain.Common;
using Portal.Domain.Terms;

namespace Portal.Coaching;

/// <summary>
/// A coach's work on requests (issue 10, point 3). A coach sees a request that was offered to them or that they have; the
/// lead of a coaching organisation also sees those of its coaches, so a caseload survives a coach leaving. Anything else
/// is "not found". Two coaches claiming at once: the row's version lets one win, the other is told plainly.
/// </summary>
public sealed class CoachDesk(PortalDbContext db, TimeProvider clock)
{
    public sealed record Filter(string? Language = null, string? Neighbourhood = null, HelpChannel? Channel = null, bool InterpreterNeeded = false);

    public sealed record Row(HelpRequest Request, int AgeInWorkingDays, bool Overdue, string? CoachName);

    private static AtwCalendar Calendar => AtwCalendar.Netherlands;

    private DateOnly Today => NijmegenTime.DayOf(clock.GetUtcNow());

    public Task<CoachProfile?> ProfileAsync(Guid coachId) => db.CoachProfiles.SingleOrDefaultAsync(p => p.UserId == coachId);

    /// <summary>Open requests first those past their promised day, then the oldest; resolved ones are left out.</summary>
    public async Task<List<Row>> OpenAsync(Guid coachId, Filter filter)
    {
        var query = (await VisibleAsync(coachId)).Where(r => r.State != HelpRequestState.Resolved);
        if (filter.Language is { Length: > 0 } language) query = query.Where(r => r.Language == language);
        if (filter.Neighbourhood is { Length: > 0 } neighbourhood)
            query = query.Where(r => r.Neighbourhood == neighbourhood || r.Neighbourhood!.StartsWith(neighbourhood + "/"));
        if (filter.Channel is { } channel) query = query.Where(r => r.Channel == channel);
        if (filter.InterpreterNeeded) query = query.Where(r => r.InterpreterNeeded);
        var requests = await query.AsNoTracking().OrderBy(r => r.CreatedAt).Take(200).ToListAsync();
        var names = await NamesAsync(requests.Select(r => r.CoachId));
        return requests
            .Select(r => new Row(r, r.AgeInWorkingDays(Today, Calendar), r.IsOverdue(Today), r.CoachId is { } c ? names.GetValueOrDefault(c) : null))
            .OrderByDescending(r => r.Overdue).ThenBy(r => r.Request.CreatedAt)
            .ToList();
    }

    /// <summary>One request with its offers and notes (tracked), when the coach may see it.</summary>
    public async Task<HelpRequest?> FindAsync(Guid coachId, Guid requestId) =>
        await (await VisibleAsync(coachId)).Include(r => r.Offers).Include(r => r.Notes).SingleOrDefaultAsync(r => r.Id == requestId);

    public int AgeOf(HelpRequest request) => request.AgeInWorkingDays(Today, Calendar);
    public bool IsOverdue(HelpRequest request) => request.IsOverdue(Today);

    public Task<Dictionary<Guid, string>> NamesAsync(IEnumerable<Guid?> coachIds)
    {
        var ids = coachIds.OfType<Guid>().Distinct().ToList();
        return db.CoachProfiles.Where(p => ids.Contains(p.UserId)).ToDictionaryAsync(p => p.UserId, p => p.Name);
    }

    /// <summary>For the lead of a coaching organisation, its other coaches (whose caseload they keep an eye on); else none.</summary>
    public async Task<List<CoachProfile>> TeamOfLeadAsync(Guid coachId) =>
        await ProfileAsync(coachId) is { IsLead: true } lead
            ? await db.CoachProfiles.AsNoTracking()
                .Where(p => p.CoachingOrganisationId == lead.CoachingOrganisationId && p.UserId != coachId).OrderBy(p => p.Name).ToListAsync()
            : [];

    /// <summary>Every other coach, to hand over to.</summary>
    public Task<List<CoachProfile>> OtherCoachesAsync(Guid coachId) =>
        db.CoachProfiles.AsNoTracking().Where(p => p.UserId != coachId).OrderBy(p => p.Name).ToListAsync();

    public Task ClaimAsync(HelpRequest request, Guid coachId) => SaveAsync(() => request.Claim(coachId, clock.GetUtcNow()));

    public async Task HandOverAsync(HelpRequest request, Guid coachId, Guid toCoachId, string? note)
    {
        if (!await db.CoachProfiles.AnyAsync(p => p.UserId == toCoachId)) throw new DomainException("Coaching.Request.HandOverToSelf");
        await SaveAsync(() => request.HandOver(coachId, toCoachId, note, clock.GetUtcNow()));
    }

    public Task AddNoteAsync(HelpRequest request, Guid coachId, string? text) => SaveAsync(() => request.AddNote(coachId, text, clock.GetUtcNow()));

    public Task MarkContactedAsync(HelpRequest request, Guid coachId, HelpChannel how) =>
        SaveAsync(() => request.MarkContacted(coachId, how, clock.GetUtcNow()));

    /// <summary>Helped with an application: the coach becomes the group's fixed contact person (seed 000 advice 4.4).</summary>
    public async Task ResolveAsync(HelpRequest request, Guid coachId, HelpOutcome outcome)
    {
        var now = clock.GetUtcNow();
        request.Resolve(coachId, outcome, now);
        if (outcome == HelpOutcome.HelpedWithApplication && request.OrganisationId is { } organisationId
            && await db.Organisations.SingleOrDefaultAsync(o => o.Id == organisationId) is { } organisation)
            organisation.KeepCoach(coachId, now);
        await SaveAsync(() => { });
    }

    /// <summary>The change and its save; a concurrent change (another coach claimed first) is told as such.</summary>
    private async Task SaveAsync(Action change)
    {
        change();
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new DomainException("Coaching.Request.AlreadyClaimed");
        }
    }

    private async Task<IQueryable<HelpRequest>> VisibleAsync(Guid coachId)
    {
        List<Guid> coaches = [coachId, .. (await TeamOfLeadAsync(coachId)).Select(p => p.UserId)];
        return db.HelpRequests.Where(r => (r.CoachId != null && coaches.Contains(r.CoachId.Value)) || r.Offers.Any(o => coaches.Contains(o.CoachId)));
    }
}
