using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Assessment;

namespace Portal.Pages.Review;

/// <summary>The approver's list: proposals that need a second pair of eyes (above the threshold, or a refusal), oldest first.</summary>
[Authorize(Policy = Policies.Approver)]
public sealed class ApprovalsModel(PortalDbContext db, ApplicationAccess access) : PageModel
{
    public const int Shown = 200;

    public sealed record Waiting(Guid ApplicationId, string? Reference, string OrganisationName, string SchemeSlug, ProposedOutcome? Outcome,
        long? AmountCents, DateTimeOffset? ProposedAt, bool IsOwn);

    public IReadOnlyList<Waiting> Proposals { get; private set; } = [];

    [FromQuery(Name = "done")]
    public string? Done { get; set; }

    public async Task OnGetAsync()
    {
        var me = access.UserId(User);
        Proposals = await (
                from a in db.Set<ApplicationAssessment>()
                where a.State == AssessmentState.Proposed && a.NeedsApproval
                join application in db.Applications on a.ApplicationId equals application.Id
                where application.Status == ApplicationStatus.DecisionProposed
                join scheme in db.Schemes on application.SchemeId equals scheme.Id
                join organisation in db.Organisations on application.OrganisationId equals organisation.Id
                orderby a.ProposedAt, a.Id
                select new Waiting(application.Id, application.Reference, organisation.Name, scheme.Slug, a.Outcome, a.GrantAmountCents,
                    a.ProposedAt, a.AssessorId == me))
            .AsNoTracking().Take(Shown).ToListAsync();
    }
}
