using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;

namespace Portal.Tests.Infrastructure;

/// <summary>Creates accounts directly, as an administrator or the demo data would.</summary>
public static class TestAccounts
{
    public const string Password = "een lange zin als wachtwoord";

    public static async Task<PortalUser> CreateAsync(WebApplicationFactory<Program> factory, string email, string role, bool confirmed = true,
        string language = "nl", string? authenticatorKey = null)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser
        {
            UserName = email, Email = email, EmailConfirmed = confirmed, PreferredLanguage = language, CreatedAt = DateTimeOffset.UtcNow,
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        if (authenticatorKey is not null)
        {
            Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", authenticatorKey));
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
