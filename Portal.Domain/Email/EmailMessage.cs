namespace Portal.Domain.Email;

/// <summary>
/// An email in the transactional outbox: written in the same transaction as the change that causes it and
/// sent later by a background worker, so a failing mail server never loses or blocks a user's action.
/// </summary>
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
    public int Attempts { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public string? LastError { get; private set; }

    public bool GaveUp => SentAt is null && Attempts >= MaxAttempts;

    public void MarkSent(DateTimeOffset now)
    {
        Attempts++;
        SentAt = now;
        LastError = null;
    }

    /// <summary>Exponential backoff: 5 s, 10 s, 20 s … capped at one hour, so a mail server that is down for a while is not hammered.</summary>
    public void MarkFailed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        NextAttemptAt = now + BackoffAfter(Attempts);
    }

    public static TimeSpan BackoffAfter(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(3600, 5 * Math.Pow(2, Math.Max(0, attempts - 1))));
}
