using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
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

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Staff, p => p
            .RequireAuthenticatedUser()
            .RequireRole(Roles.Staff)
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

/// <summary>
/// A staff member without a second factor is not shown "access denied" but sent to set up two-factor sign-in:
/// no staff page opens before that is done.
/// </summary>
public sealed class StaffTwoFactorResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult result)
    {
        var user = context.User;
        if (result.Forbidden && user.IsStaff() && !user.HasSecondFactor())
        {
            var target = "/account/two-factor/setup?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString);
            context.Response.Redirect(target);
            return Task.CompletedTask;
        }
        return _default.HandleAsync(next, context, policy, result);
    }
}
