using Portal.Domain.Common;

namespace Portal.Domain.Email;

/// <summary>
/// An email in the transactional outbox: written in the same transaction as the change that causes it and
/// sent later by a background worker, so a failing mail server never loses or blocks a user's action.
/// </summary>
/// <remarks>
/// A worker claims a message with a lease (<see cref="Lease"/>) and commits that before it talks to the mail server;
/// right after sending it marks the message sent. A crash in between can therefore repeat only the one message that
/// was being sent, and only once its lease has run out. The attempt is counted at the claim, so a message that
/// crashes the worker every time still comes to an end.
/// </remarks>
public sealed class EmailMessage
{
    public const int MaxAttempts = 12;

    private EmailMessage() { }

    public EmailMessage(string to, string subject, string textBody, string? htmlBody, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(to)) throw new ArgumentException("An email needs a recipient.", nameof(to));
        Id = Guid.NewGuid();
        To = to;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public Guid Id { get; private set; }
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string? HtmlBody { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    /// <summary>Attempts started (counted when a worker claims the message).</summary>
    public int Attempts { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>Until when a worker holds the message to send it; no other worker takes it before then.</summary>
    public DateTimeOffset? LeasedUntil { get; private set; }
    /// <summary>When the outbox stopped trying; an admin can send it again.</summary>
    public DateTimeOffset? GaveUpAt { get; private set; }
    /// <summary>Row version (PostgreSQL xmin): a worker that lost its lease cannot overwrite the next claim.</summary>
    public uint Version { get; private set; }

    public bool GaveUp => GaveUpAt is not null;

    /// <summary>The domain of the recipient: what logs may say about who a message was for.</summary>
    public string RecipientDomain => To[(To.LastIndexOf('@') + 1)..];

    /// <summary>Whether a worker may claim the message now (the worker's claim statement asks the same in SQL).</summary>
    public bool IsDue(DateTimeOffset now) =>
        SentAt is null && GaveUpAt is null && Attempts < MaxAttempts && NextAttemptAt <= now && !IsLeased(now);

    public bool IsLeased(DateTimeOffset now) => LeasedUntil > now;

    /// <summary>A worker claims the message until <paramref name="until"/>; this starts an attempt.</summary>
    public void Lease(DateTimeOffset now, DateTimeOffset until)
    {
        if (!IsDue(now)) throw new InvalidOperationException($"Email {Id} is not due.");
        Attempts++;
        LeasedUntil = until;
    }

    public void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        LeasedUntil = null;
        LastError = null;
    }

    /// <summary>
    /// Exponential backoff: 5 s, 10 s, 20 s … capped at one hour, so a mail server that is down for a while is not
    /// hammered. After the last attempt the outbox gives up.
    /// </summary>
    public void MarkFailed(string error, DateTimeOffset now)
    {
        LastError = error.Length > 2000 ? error[..2000] : error;
        LeasedUntil = null;
        if (Attempts >= MaxAttempts) GaveUpAt = now;
        else NextAttemptAt = now + BackoffAfter(Attempts);
    }

    /// <summary>An admin asks for another round of attempts (after the mail server or the address was fixed).</summary>
    public void SendAgain(DateTimeOffset now)
    {
        if (SentAt is not null || IsLeased(now)) throw new DomainException("Staff.Mail.AlreadyOnItsWay");
        Attempts = 0;
        GaveUpAt = null;
        LeasedUntil = null;
        NextAttemptAt = now;
    }

    public static TimeSpan BackoffAfter(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
