namespace Portal.Data;

/// <summary>
/// An emailed one-time sign-in link. Only the SHA-256 hash of the token is stored, so a database leak
/// does not leak working links. Used once, valid for <see cref="Lifetime"/>.
/// </summary>
public sealed class SignInLink
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
}
