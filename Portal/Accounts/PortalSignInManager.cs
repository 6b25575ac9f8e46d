using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Accounts;

/// <summary>
/// Adds sign-in by emailed link to Identity's sign-in manager. The link is only a first factor:
/// an account with two-factor sign-in still has to give its code.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public Task<SignInResult> SignInWithLinkAsync(PortalUser user) =>
        SignInOrTwoFactorAsync(user, isPersistent: false, loginProvider: null, bypassTwoFactor: false);
}
