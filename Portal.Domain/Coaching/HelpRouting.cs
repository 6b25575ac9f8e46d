namespace Portal.Domain.Coaching;

/// <summary>Why a coach was offered a request: the routing's step that chose them.</summary>
public enum OfferReason { FixedCoach, Match, Everyone, Escalation }

/// <summary>
/// Who is offered a new request (issue 10, point 2): the organisation's fixed coach when it has one; otherwise the coaches
/// who speak the person's language and know their neighbourhood — or, when none does, who speak the language — preferring
/// the gender asked for where one of them has it; when nobody speaks it, every coach. A request nobody claims within a
/// working day is offered to every coach (<see cref="HelpRequest.Escalate"/>). A coach the group asked to replace is not
/// matched again.
/// </summary>
public static class HelpRouting
{
    public static (IReadOnlyList<Guid> Coaches, OfferReason Reason) Route(HelpRequest request, Guid? fixedCoach,
        IReadOnlyList<CoachProfile> coaches, Guid? replacedCoach = null)
    {
        if (fixedCoach is { } coach && coaches.Any(c => c.UserId == coach)) return ([coach], OfferReason.FixedCoach);
        var speaking = coaches.Where(c => c.Speaks(request.Language) && c.UserId != replacedCoach).ToList();
        var knowing = speaking.Where(c => c.Knows(request.Neighbourhood)).ToList();
        var matching = knowing.Count > 0 ? knowing : speaking;
        if (request.CoachGender != CoachGender.NoPreference && matching.Where(c => c.Gender == request.CoachGender).ToList() is { Count: > 0 } same)
            matching = same;
        return matching.Count > 0
            ? (matching.Select(c => c.UserId).ToList(), OfferReason.Match)
            : (coaches.Select(c => c.UserId).ToList(), OfferReason.Everyone);
    }
}
