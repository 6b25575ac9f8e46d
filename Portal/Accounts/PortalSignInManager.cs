using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Accounts;

/// <summary>
/// Identity's sign-in manager with two additions: sign-in by emailed link (only a first factor: an account with
/// two-factor sign-in still has to give its code), and a server-side session behind every sign-in
/// (<see cref="UserSessions"/>), which sign-out ends.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation,
    UserSessions sessions)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public Task<SignInResult> SignInWithLinkAsync(PortalUser user) =>
        SignInOrTwoFactorAsync(user, isPersistent: false, loginProvider: null, bypassTwoFactor: false);

    /// <summary>Every way of signing in ends here: the cookie gets a new session of its own.</summary>
    public override async Task SignInWithClaimsAsync(PortalUser user, AuthenticationProperties? authenticationProperties,
        IEnumerable<Claim> additionalClaims)
    {
        var sessionId = await sessions.StartAsync(user.Id, Context);
        await base.SignInWithClaimsAsync(user, authenticationProperties,
            [.. additionalClaims, new Claim(UserSessions.ClaimType, sessionId.ToString("N"))]);
    }

    public override async Task SignOutAsync()
    {
        if (UserSessions.SessionIdOf(Context.User) is { } sessionId) await sessions.EndAsync(sessionId, SessionEndReasons.SignedOut);
        await base.SignOutAsync();
    }
}
