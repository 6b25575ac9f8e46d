using System.Security.Claims;
using Portal.Applications;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Review;
using Portal.Domain.Schemes;

namespace Portal.Review;

/// <summary>
/// What every reviewer page of one application asks first: the access check (a reviewer who declared a conflict of
/// interest has no grant left: <see cref="ApplicationAccess"/>), the application's review case, and whether this reviewer
/// has declared no conflict yet — before that only the short summary and the declaration are shown.
/// </summary>
public sealed class ReviewerGate(ApplicationAccess access, ReviewDesk desk)
{
    public sealed record Opened(Application Application, Scheme Scheme, ReviewCase Case, Actor Actor, Guid Me)
    {
        public InterestDeclaration? Declaration => Case.DeclarationOf(Me);
        /// <summary>Declared no conflict: the full application is open to this reviewer.</summary>
        public bool MaySeeAll => Declaration is { HasConflict: false };
    }

    /// <returns>Null when the page must answer 404.</returns>
    public async Task<Opened?> OpenAsync(ClaimsPrincipal user, Guid applicationId)
    {
        if (access.UserId(user) is not { } me
            || await access.ApplicationAsync(user, applicationId, Capability.Assess) is not { SubmittedAt: not null } application
            || await desk.CaseAsync(applicationId) is not { } reviewCase
            || reviewCase.IsBarred(me))
            return null;
        return new Opened(application, await access.SchemeOfAsync(application), reviewCase, Actor.Reviewer(me), me);
    }
}
