using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Coaching;

namespace Portal.Coaching;

/// <summary>
/// Someone asks for a coach: the same question again within the hour is the request they already have (a second click,
/// a reload, a reposted form); a new one is routed — the group's fixed coach first, then the coaches who speak the
/// language and know the neighbourhood — and saved with its offers, so the coaches are emailed (bundled) by
/// <see cref="CoachNotifier"/>. The confirmation names the coach when the request went to one.
/// </summary>
public sealed class AskForCoach(PortalDbContext db, TimeProvider clock)
{
    public sealed record Asked(HelpRequest Request, bool Repeated, string? CoachName);

    /// <summary>The organisation a signed-in person asks for: from the application they were on, else their first.</summary>
    public async Task<Asked> AskAsync(Func<Guid?, string?, HelpRequest> describe, Guid? organisationId)
    {
        var organisation = organisationId is { } id
            ? await db.Organisations.SingleOrDefaultAsync(o => o.Id == id)
            : null;
        var request = describe(organisation?.Id, organisation?.Neighbourhood);
        if (await RepeatOfAsync(request) is { } earlier) return new Asked(earlier, true, await CoachNameAsync(earlier));

        var coaches = await db.CoachProfiles.AsNoTracking().ToListAsync();
        var (offered, reason) = HelpRouting.Route(request, organisation?.FixedCoachId, coaches, organisation?.ReplacedCoachId);
        request.OfferTo(offered, reason, clock.GetUtcNow());
        db.HelpRequests.Add(request);
        await db.SaveChangesAsync();
        return new Asked(request, false, reason == OfferReason.FixedCoach ? coaches.Single(c => c.UserId == offered[0]).Name : null);
    }

    /// <summary>The request this one repeats: the same person, place and question within the hour.</summary>
    private async Task<HelpRequest?> RepeatOfAsync(HelpRequest request)
    {
        var since = request.CreatedAt - HelpRequest.SameRequestWithin;
        var who = request.Requester;
        var recent = await db.HelpRequests.AsNoTracking().Include(r => r.Offers)
            .Where(r => r.CreatedAt >= since && (who.UserId != null
                ? r.Requester.UserId == who.UserId
                : r.Requester.UserId == null && ((who.Phone != null && r.Requester.Phone == who.Phone)
                    || (who.Email != null && r.Requester.Email!.ToLower() == who.Email.ToLower()))))
            .OrderBy(r => r.CreatedAt)
            .ToListAsync();
        return recent.FirstOrDefault(r => r.IsRepeatedBy(request));
    }

    private async Task<string?> CoachNameAsync(HelpRequest request)
    {
        var coach = request.CoachId ?? (request.Offers.Count == 1 && request.Offers[0].Reason == OfferReason.FixedCoach ? request.Offers[0].CoachId : null);
        return coach is { } id ? await db.CoachProfiles.Where(c => c.UserId == id).Select(c => c.Name).SingleOrDefaultAsync() : null;
    }
}
