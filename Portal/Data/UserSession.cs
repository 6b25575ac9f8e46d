namespace Portal.Data;

/// <summary>
/// One signed-in browser. The sign-in cookie names its session; a cookie whose session has ended no longer counts,
/// however fresh the cookie is. Sign-out ends this session; new credentials, a lockout or a role change end every
/// session of the user (<see cref="Accounts.SessionRevocation"/>).
/// </summary>
public sealed class UserSession
{
    public const int UserAgentLength = 256;

    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>The last request seen, kept to the minute (it is written at most once a minute).</summary>
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    /// <summary>Why it ended: one of <see cref="SessionEndReasons"/>.</summary>
    public string? EndReason { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }

    public bool IsActive => EndedAt is null;

    public void End(DateTimeOffset now, string reason)
    {
        if (EndedAt is not null) return;
        EndedAt = now;
        EndReason = reason;
    }
}

/// <summary>Stored, so never rename one.</summary>
public static class SessionEndReasons
{
    public const string SignedOut = "signed-out";
    public const string Replaced = "replaced";
    public const string EndedByUser = "ended-by-user";
    public const string CredentialsChanged = "credentials-changed";
    public const string LockedOut = "locked-out";
    public const string RolesChanged = "roles-changed";
    public const string Idle = "idle";
}
