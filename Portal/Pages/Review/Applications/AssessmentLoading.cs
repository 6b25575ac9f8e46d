using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Assessment;

namespace Portal.Pages.Review.Applications;

/// <summary>The queries the assessment and approval pages share: the scheme's framework and the assessments of an application.</summary>
public static class AssessmentLoading
{
    public static Task<AssessmentFramework?> FrameworkAsync(PortalDbContext db, int schemeId) =>
        db.Set<AssessmentFramework>().Include("criteria").AsNoTracking().SingleOrDefaultAsync(f => f.SchemeId == schemeId);

    /// <summary>This reviewer's own assessment of the application (tracked), or null before they saved anything.</summary>
    public static Task<ApplicationAssessment?> OwnAsync(PortalDbContext db, Guid applicationId, Guid assessorId) =>
        db.Set<ApplicationAssessment>().Include(a => a.Scores).Include(a => a.Cuts).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.ApplicationId == applicationId && a.AssessorId == assessorId);

    /// <summary>The assessment whose proposal waits for a decision (tracked), or null when none does.</summary>
    public static Task<ApplicationAssessment?> ProposedAsync(PortalDbContext db, Guid applicationId) =>
        db.Set<ApplicationAssessment>().Include(a => a.Scores).Include(a => a.Cuts).AsSplitQuery()
            .SingleOrDefaultAsync(a => a.ApplicationId == applicationId && a.State == AssessmentState.Proposed);

    /// <summary>Whether this state lets a reviewer work on a draft (not before review starts, not after a decision).</summary>
    public static bool OpenForAssessment(ApplicationStatus status) =>
        status is ApplicationStatus.InReview or ApplicationStatus.InformationRequested;
}
