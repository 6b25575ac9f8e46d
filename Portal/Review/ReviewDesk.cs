using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;
using Portal.Domain.Accounts;
using Portal.Domain.Common;
using Portal.Domain.Review;

namespace Portal.Review;

/// <summary>
/// The reviewer's work on one case: declaring on a conflict of interest, taking an application, handing it over, and
/// recording a view of the full application. Each is one SaveChanges; two reviewers taking the same application at the
/// same moment meet the case's row version (xmin), so exactly one of them has it.
/// </summary>
public sealed class ReviewDesk(PortalDbContext db, TimeProvider clock)
{
    public Task<ReviewCase?> CaseAsync(Guid applicationId) =>
        db.Set<ReviewCase>().Include(c => c.Declarations).SingleOrDefaultAsync(c => c.ApplicationId == applicationId);

    /// <returns>Null when done, else the key of the plain message to show.</returns>
    public async Task<string?> DeclareAsync(ReviewCase reviewCase, bool hasConflict, string? explanation, Actor by)
    {
        if (hasConflict && string.IsNullOrWhiteSpace(explanation)) return "Review.Declaration.ExplanationRequired";
        try
        {
            reviewCase.Declare(hasConflict, explanation, by, clock.GetUtcNow());
            await db.SaveChangesAsync();
            return null;
        }
        catch (DomainException e) { return e.Message; }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return "Review.Declaration.AlreadyGiven";
        }
        catch (DbUpdateConcurrencyException)
        {
            return "Review.Conflict.TryAgain";
        }
    }

    public async Task<string?> AssignToSelfAsync(ReviewCase reviewCase, Actor by)
    {
        try
        {
            reviewCase.AssignToSelf(by, clock.GetUtcNow());
            await db.SaveChangesAsync();
            return null;
        }
        catch (DomainException e) { return e.Message; }
        catch (DbUpdateConcurrencyException)
        {
            // Another reviewer took it (or handed it on) between our reading and our writing: theirs stands.
            return "Review.Assign.Taken";
        }
    }

    public async Task<string?> HandOverAsync(ReviewCase reviewCase, Guid to, string? note, Actor by)
    {
        if (!await ReviewerExistsAsync(to)) return "Review.HandOver.ChooseReviewer";
        try
        {
            reviewCase.HandOver(to, note, by, clock.GetUtcNow());
            await db.SaveChangesAsync();
            return null;
        }
        catch (DomainException e) { return e.Message; }
        catch (DbUpdateConcurrencyException) { return "Review.Assign.Taken"; }
    }

    /// <summary>Staff views are audited: one row per opening of the full application.</summary>
    public async Task ViewedAsync(ReviewCase reviewCase, Actor by)
    {
        reviewCase.Viewed(by, clock.GetUtcNow());
        await db.SaveChangesAsync();
    }

    public sealed record Reviewer(Guid Id, string Email);

    /// <summary>The reviewers one can hand over to (every account in the Reviewer role).</summary>
    public async Task<List<Reviewer>> ReviewersAsync()
    {
        var role = await db.Roles.Where(r => r.Name == Roles.Reviewer).Select(r => r.Id).SingleOrDefaultAsync();
        return await db.Users.AsNoTracking().Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == role) && u.Email != null)
            .OrderBy(u => u.Email).Select(u => new Reviewer(u.Id, u.Email!)).ToListAsync();
    }

    private async Task<bool> ReviewerExistsAsync(Guid id) => (await ReviewersAsync()).Any(r => r.Id == id);

    public sealed record DeclarationLine(string Reference, Guid ApplicationId, string ReviewerEmail, bool HasConflict, string? Explanation,
        DateTimeOffset DeclaredAt);

    /// <summary>The latest declarations, conflicts first (for the team lead), at most <paramref name="count"/>.</summary>
    public Task<List<DeclarationLine>> DeclarationsAsync(bool conflictsOnly, int count = 200) =>
        db.Set<InterestDeclaration>().AsNoTracking().Where(d => !conflictsOnly || d.HasConflict)
            .OrderByDescending(d => d.DeclaredAt).Take(count)
            .Select(d => new DeclarationLine(
                db.Set<ReviewCase>().Where(c => c.ApplicationId == d.ApplicationId).Select(c => c.Reference).First(),
                d.ApplicationId,
                db.Users.Where(u => u.Id == d.ReviewerId).Select(u => u.Email!).First(),
                d.HasConflict, d.Explanation, d.DeclaredAt))
            .ToListAsync();
}
