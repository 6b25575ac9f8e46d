using Microsoft.AspNetCore.Identity;

namespace Portal.Data;

/// <summary>An account. Holds nothing beyond what sign-in and emails in the right language need (minimal data).</summary>
public sealed class PortalUser : IdentityUser<Guid>
{
    public string PreferredLanguage { get; set; } = Domain.Languages.Languages.Default;
    public DateTimeOffset CreatedAt { get; set; }
}
