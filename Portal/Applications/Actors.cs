using Portal.Domain.Common;

namespace Portal.Applications;

/// <summary>
/// The role a user acts in on an application or organisation. Today only members reach these pages, so everyone acts as
/// the applicant; the access check's grants (coach with edit, reviewer, approver) will give the others.
/// </summary>
public static class Actors
{
    public static Actor Member(Guid userId) => Actor.Applicant(userId);
}
