using Portal.Domain.Events;

namespace Portal.Domain.Audit;

/// <summary>
/// One line of the append-only audit trail (BIO): who (actor and role) did what (kind), to which object (type and id),
/// with what result, when, and from where (IP address and user agent). The database refuses UPDATE and DELETE on its
/// table, and the portal's database role may only add and read rows.
/// </summary>
public sealed class AuditEvent
{
    public const int MaxUserAgentLength = 512;

    private AuditEvent() { }

    public AuditEvent(string kind, Guid? userId, string? subject, string? ipAddress, string? detail, DateTimeOffset now,
        string? userAgent = null)
    {
        Kind = kind;
        UserId = userId;
        Subject = subject is { Length: > 320 } ? subject[..320] : subject;
        IpAddress = ipAddress;
        Detail = detail is { Length: > 2000 } ? detail[..2000] : detail;
        OccurredAt = now;
        UserAgent = Truncate(userAgent, MaxUserAgentLength);
        Result = AuditResults.Of(kind);
    }

    /// <summary>The audit row of a domain event: it names the object and the role the actor acted in.</summary>
    public static AuditEvent For(DomainEvent domainEvent, string? ipAddress, string? userAgent) =>
        new(domainEvent.Action, domainEvent.Actor.UserId, subject: null, ipAddress, domainEvent.Detail, domainEvent.OccurredAt, userAgent)
        {
            ActorRole = domainEvent.Actor.Role.ToString(),
            ObjectType = domainEvent.Object.Type,
            ObjectId = domainEvent.Object.Id,
            Result = AuditResults.Succeeded,
        };

    /// <summary>The role the actor acted in (Applicant, Coach, Reviewer, Approver, System); null for account events.</summary>
    public string? ActorRole { get; private init; }
    /// <summary>What the event is about ("application", "organisation"), with <see cref="ObjectId"/>; null for account events.</summary>
    public string? ObjectType { get; private init; }
    public Guid? ObjectId { get; private init; }
    /// <summary>"succeeded" or "refused"; null on rows written before the column existed.</summary>
    public string? Result { get; private init; }
    public string? UserAgent { get; private set; }

    private static string? Truncate(string? value, int length) => value is { } v && v.Length > length ? v[..length] : value;

    public long Id { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public string Kind { get; private set; } = "";
    public Guid? UserId { get; private set; }
    /// <summary>The email address the event is about (also for failed sign-ins with an unknown address).</summary>
    public string? Subject { get; private set; }
    public string? IpAddress { get; private set; }
    public string? Detail { get; private set; }
}

/// <summary>The result of an audited action. Stored, so never rename one.</summary>
public static class AuditResults
{
    public const string Succeeded = "succeeded";
    public const string Refused = "refused";

    private static readonly HashSet<string> RefusedKinds =
    [
        AuditKinds.SignInFailed, AuditKinds.LockedOut, AuditKinds.TwoFactorFailed, AuditKinds.SignInUnconfirmed,
        AuditKinds.SignInLinkRefused, AuditKinds.PasswordResetRefused, AuditKinds.ConfirmationPasswordWrong, AuditKinds.RateLimited,
        AuditKinds.TakeoverRefused,
    ];

    /// <summary>Account events say their result in their kind ("sign-in.failed"); this column says it for every row alike.</summary>
    public static string Of(string kind) => RefusedKinds.Contains(kind) ? Refused : Succeeded;
}

/// <summary>The kinds of audit events. Names are stored, so never rename one.</summary>
public static class AuditKinds
{
    public const string SignInSucceeded = "sign-in.succeeded";
    /// <summary>A takeover code of an assisted application was refused (unknown, expired or used): someone may be guessing.</summary>
    public const string TakeoverRefused = "assisted.takeover-refused";
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
