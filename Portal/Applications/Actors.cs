using Portal.Domain.Common;

namespace Portal.Applications;

/// <summary>
/// The actor of a step that makes someone an applicant in the first place — starting an organisation or an application,
/// joining one by invitation — and so has no grant to ask yet. Every change of an existing application or organisation
/// takes its actor from the access check instead (<see cref="ApplicationAccess.ActorOnApplicationAsync"/>).
/// </summary>
public static class Actors
{
    public static Actor Applicant(Guid userId) => Actor.Applicant(userId);
}
