using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Portal.Domain.Accounts;

namespace Portal.Accounts;

/// <summary>
/// Authorization policies. The fallback denies every page that names none; a test checks that every page names one.
/// </summary>
public static class Policies
{
    /// <summary>Any signed-in account.</summary>
    public const string SignedIn = nameof(SignedIn);
    /// <summary>Staff roles, signed in with a second factor.</summary>
    public const string Staff = nameof(Staff);
    /// <summary>Coaches, signed in with a second factor: they see requests for help and, with consent, drafts.</summary>
    public const string Coach = nameof(Coach);
    /// <summary>Reviewers (beoordelaars), signed in with a second factor: the inbox and the assessment.</summary>
    public const string Reviewer = nameof(Reviewer);
    /// <summary>Approvers, signed in with a second factor: the four-eyes check of proposals.</summary>
    public const string Approver = nameof(Approver);
    /// <summary>Administrators (beheerders), signed in with a second factor.</summary>
    public const string Admin = nameof(Admin);

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Staff, p => p
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Staff)
            .RequireClaim(TwoFactorClaim.Type, TwoFactorClaim.Value));
        options.AddPolicy(Coach, p => p
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Coach)
            .RequireClaim(TwoFactorClaim.Type, TwoFactorClaim.Value));
        options.AddPolicy(Reviewer, p => p
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Reviewer)
            .RequireClaim(TwoFactorClaim.Type, TwoFactorClaim.Value));
        options.AddPolicy(Approver, p => p
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Approver)
            .RequireClaim(TwoFactorClaim.Type, TwoFactorClaim.Value));
        options.AddPolicy(Admin, p => p
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Admin)
            .RequireClaim(TwoFactorClaim.Type, TwoFactorClaim.Value));
    }
}

/// <summary>The "amr" claim Identity adds after a second factor; we add it ourselves right after enrolment.</summary>
public static class TwoFactorClaim
{
    public const string Type = "amr";
    public const string Value = "mfa";

    public static bool HasSecondFactor(this ClaimsPrincipal user) => user.HasClaim(Type, Value);
    public static bool IsStaff(this ClaimsPrincipal user) => Roles.Staff.Any(user.IsInRole);
}
