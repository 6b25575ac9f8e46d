namespace Portal.Domain.Audit;

/// <summary>
/// One line of the append-only audit trail: who did what, when, from where, with what result.
/// The database refuses UPDATE and DELETE on its table.
/// </summary>
public sealed class AuditEvent
{
    private AuditEvent() { }

    public AuditEvent(string kind, Guid? userId, string? subject, string? ipAddress, string? detail, DateTimeOffset now)
    {
        Kind = kind;
        UserId = userId;
        Subject = subject is { Length: > 320 } ? subject[..320] : subject;
        IpAddress = ipAddress;
        Detail = detail is { Length: > 2000 } ? detail[..2000] : detail;
        OccurredAt = now;
    }

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string Kind { get; private set; } = "";
    public Guid? UserId { get; private set; }
    /// <summary>The email address the event is about (also for failed sign-ins with an unknown address).</summary>
    public string? Subject { get; private set; }
    public string? IpAddress { get; private set; }
    public string? Detail { get; private set; }
}

/// <summary>The kinds of audit events. Names are stored, so never rename one.</summary>
public static class AuditKinds
{
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string LockedOut = "sign-in.locked-out";
    public const string SignInLinkUsed = "sign-in.link-used";
    public const string SignedOut = "sign-out";
    public const string Registered = "account.registered";
    public const string EmailConfirmed = "account.email-confirmed";
    public const string PasswordReset = "account.password-reset";
    public const string TwoFactorEnabled = "two-factor.enabled";
    public const string TwoFactorFailed = "two-factor.failed";
    public const string RecoveryCodeUsed = "two-factor.recovery-code-used";
    public const string RoleGranted = "role.granted";
    /// <summary>The right password for an account whose address is not confirmed yet: refused, but worth knowing.</summary>
    public const string SignInUnconfirmed = "sign-in.unconfirmed";
    public const string SignInLinkRequested = "sign-in.link-requested";
    /// <summary>A sign-in link that is unknown, used, expired or revoked was tried.</summary>
    public const string SignInLinkRefused = "sign-in.link-refused";
    public const string PasswordResetRequested = "account.password-reset-requested";
    /// <summary>A password-reset link that does not work (wrong, used or old) was tried.</summary>
    public const string PasswordResetRefused = "account.password-reset-refused";
    /// <summary>A wrong password on the confirmation page (it counts towards the lockout).</summary>
    public const string ConfirmationPasswordWrong = "account.confirmation-password-wrong";
    /// <summary>A client was refused for asking too often (429).</summary>
    public const string RateLimited = "rate-limited";
    public const string MailSentAgain = "mail.sent-again";
}
