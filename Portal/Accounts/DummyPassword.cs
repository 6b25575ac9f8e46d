using Microsoft.AspNetCore.Identity;
using Portal.Data;

namespace Portal.Accounts;

/// <summary>
/// Hashes a password against a hash no account has, so that an answer about an unknown (or locked) address costs the
/// same time as one about a known address. Without it, sign-in answered in 15 ms for unknown addresses and in 127 ms
/// for known ones: the clock told who has an account.
/// </summary>
public sealed class DummyPassword(IPasswordHasher<PortalUser> hasher)
{
    private static readonly PortalUser Nobody = new();
    private static string? hash;

    public void Verify(string password)
    {
        // Made with the same hasher, so it has the same cost (iterations) as a real account's hash.
        hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString());
        hasher.VerifyHashedPassword(Nobody, hash, password);
    }
}
