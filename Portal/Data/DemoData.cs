using Microsoft.AspNetCore.Identity;
using Portal.Accounts;
using Portal.Domain.Accounts;
using Portal.Domain.Audit;
using Portal.Domain.Common;

namespace Portal.Data;

/// <summary>
/// Demo accounts, one per role (listed in the README). Seeding twice changes nothing.
/// Staff accounts get a fixed TOTP key only where configuration gives one (Development), so a tester can compute codes;
/// elsewhere they enrol two-factor sign-in on first use like everyone else.
/// </summary>
public sealed class DemoData(UserManager<PortalUser> users, IConfiguration configuration,
    IClock clock, AuditLog audit, PortalDbContext db)
{
    public const string Password = "Samen-doen-in-Nijmegen";

    public static readonly IReadOnlyList<(string Role, string Email)> Accounts =
    [
        (Roles.Applicant, "aanvrager@portal.example"),
        (Roles.Coach, "coach@portal.example"),
        (Roles.Reviewer, "reviewer@portal.example"),
        (Roles.Approver, "approver@portal.example"),
        (Roles.Admin, "admin@portal.example"),
    ];

    public async Task SeedAsync()
    {
        foreach (var (role, email) in Accounts)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = clock.UtcNow };
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
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
