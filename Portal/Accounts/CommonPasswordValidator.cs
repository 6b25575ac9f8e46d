using Microsoft.AspNetCore.Identity;
using Portal.Data;
using Portal.Domain.Accounts;

namespace Portal.Accounts;

/// <summary>Applies <see cref="PasswordRules"/> inside Identity, so registration and reset share one rule.</summary>
public sealed class CommonPasswordValidator : IPasswordValidator<PortalUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        var broken = PasswordRules.Check(password ?? "", user.Email);
        return Task.FromResult(broken is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = broken, Description = broken }));
    }
}
