using Microsoft.AspNetCore.Identity;
using Portal.Accounts;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Assessment;
using Portal.Domain.Schemes;
using Portal.Pages.Schemes;

namespace Portal.Data;

/// <summary>
/// Demo accounts, one per role (listed in the README). Seeding twice changes nothing.
/// Staff accounts get a fixed TOTP key only where configuration gives one (Development), so a tester can compute codes;
/// elsewhere they enrol two-factor sign-in on first use like everyone else.
/// </summary>
public sealed class DemoData(UserManager<PortalUser> users, IConfiguration configuration,
    TimeProvider clock, AuditLog audit, PortalDbContext db, IHostEnvironment environment)
{
    public const string Password = "Samen-doen-in-Nijmegen";

    public static readonly IReadOnlyList<(string Role, string Email)> Accounts =
    [
        (Roles.Applicant, "aanvrager@portal.example"),
        (Roles.Coach, DemoCoaching.Fatima),
        (Roles.Coach, DemoCoaching.Yonas),
        (Roles.Coach, DemoCoaching.Ayse),
        (Roles.Reviewer, "reviewer@portal.example"),
        (Roles.Approver, "approver@portal.example"),
        (Roles.Admin, "admin@portal.example"),
    ];

    public async Task SeedAsync()
    {
        await SeedSchemesAsync(db, clock);
        // A demo (make run) started again after its schemes closed must still let a newcomer apply. Never in
        // Production: there a closing date is a decision of the municipality, not something start-up may move.
        if (!environment.IsProduction()) await ReopenPassedSchemesAsync(db, clock);
        foreach (var (role, email) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.GetUtcNow() };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, role));
            audit.Record(AuditKinds.RoleGranted, user.Id, email, $"{role} (demo data)");
            if (configuration[$"Demo:TotpKeys:{email}"] is { Length: > 0 } key)
            {
                Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", key));
                Check(await users.SetTwoFactorEnabledAsync(user, true));
            }
        }
        await db.SaveChangesAsync();
        await DemoCoaching.SeedAsync(db, users, clock);
        await Review.DemoReview.SeedAsync(db, users, clock);
        await Settlement.DemoSettlement.SeedAsync(db, users, clock);
    }

    /// <summary>The demo schemes of PRODUCT.md, added once by slug, closing some months from today. Tests call this too.</summary>
    public static async Task SeedSchemesAsync(PortalDbContext db, TimeProvider clock)
    {
        var existing = await db.Schemes.Select(s => s.Slug).ToListAsync();
        db.Schemes.AddRange(DemoSchemes.Create(SchemeCatalogue.Today(clock)).Where(s => !existing.Contains(s.Slug)));
        await db.SaveChangesAsync();
        await SeedAssessmentFrameworksAsync(db);
    }

    /// <summary>The published assessment frameworks of the demo schemes (issue 11), added once per scheme.</summary>
    public static async Task SeedAssessmentFrameworksAsync(PortalDbContext db)
    {
        var without = await db.Schemes.Where(s => !db.Set<AssessmentFramework>().Any(f => f.SchemeId == s.Id))
            .Select(s => new { s.Id, s.Slug }).ToListAsync();
        db.Set<AssessmentFramework>().AddRange(without.Select(s => DemoFrameworks.For(s.Slug, s.Id)).OfType<AssessmentFramework>());
        await db.SaveChangesAsync();
    }

    /// <summary>Demo schemes whose closing date has passed close some months from today again, as if seeded today.</summary>
    public static async Task ReopenPassedSchemesAsync(PortalDbContext db, TimeProvider clock)
    {
        var today = SchemeCatalogue.Today(clock);
        var slugs = DemoSchemes.Create(today).Select(s => s.Slug).ToList();
        foreach (var scheme in await db.Schemes.Where(s => slugs.Contains(s.Slug) && s.ClosesOn < today).ToListAsync())
            scheme.ExtendTo(DemoSchemes.ClosesOn(scheme.Slug, today));
        await db.SaveChangesAsync();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
