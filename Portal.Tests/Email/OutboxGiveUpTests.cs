using Microsoft.Extensions.Logging;
using Portal.Domain.Email;
using Portal.Infrastructure.Email;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Email;

/// <summary>
/// Mail the outbox gives up on is never a silent failure: it is logged as an error (which message, which domain — not
/// the address, not the text) and admins see it on /staff/mail.
/// </summary>
[Collection(Db.Mail)]
public sealed class OutboxGiveUpTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private readonly TestLoggerProvider log = new();
    private OutboxHarness outbox = null!;

    public async Task InitializeAsync()
    {
        await fixture.Database.ResetAsync();
        outbox = new OutboxHarness(fixture.Database.AppConnectionString);
    }

    public async Task DisposeAsync() => await outbox.DisposeAsync();

    [Fact]
    public async Task Mail_that_fails_its_last_attempt_is_given_up_and_logged_as_an_error_without_the_address()
    {
        // The mail server's answer quotes the address; the log must not.
        await using var mailServer = new SmtpSink { UnknownRecipients = { "amina.el.amrani@example.org" } };
        outbox.Smtp.Port = mailServer.Port;
        var id = await outbox.EnqueueAsync("amina.el.amrani@example.org", "Uw aanvraag NIJ-2026-00042", "Beste Amina, uw aanvraag is binnen.");
        await outbox.UpdateAsync(id, """UPDATE "EmailMessages" SET "Attempts" = {1} WHERE "Id" = {0}""", EmailMessage.MaxAttempts - 1);

        await outbox.Worker(logger: log.Logger<OutboxWorker>()).SendDueAsync(CancellationToken.None);

        var message = await outbox.LoadAsync(id);
        Assert.True(message.GaveUp);
        Assert.Equal(outbox.Clock.GetUtcNow(), message.GaveUpAt);
        Assert.Equal(EmailMessage.MaxAttempts, message.Attempts);
        Assert.Contains("amina.el.amrani@example.org", message.LastError, StringComparison.Ordinal); // admins see the whole answer
        Assert.Empty(mailServer.Received);
        var error = Assert.Single(log.Entries, e => e.Level == LogLevel.Error);
        Assert.Contains(id.ToString(), error.Message, StringComparison.Ordinal);
        Assert.Contains("example.org", error.Message, StringComparison.Ordinal);
        Assert.All(log.Entries, e => Assert.DoesNotContain("amina.el.amrani", e.Message, StringComparison.OrdinalIgnoreCase));
        Assert.All(log.Entries, e => Assert.DoesNotContain("aanvraag", e.Message, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Failed_attempts_before_the_last_are_warnings_and_the_message_is_kept_for_later()
    {
        var id = await outbox.EnqueueAsync("amina@example.org");

        await outbox.Worker(logger: log.Logger<OutboxWorker>()).SendDueAsync(CancellationToken.None);

        Assert.False((await outbox.LoadAsync(id)).GaveUp);
        Assert.DoesNotContain(log.Entries, e => e.Level >= LogLevel.Error);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Mail_whose_worker_died_during_the_last_attempt_is_given_up_once_its_lease_has_run_out()
    {
        var id = await outbox.EnqueueAsync("amina@example.org");
        var leaseEnds = outbox.Clock.GetUtcNow() + TimeSpan.FromMinutes(1);
        await outbox.UpdateAsync(id, """UPDATE "EmailMessages" SET "Attempts" = {1}, "LeasedUntil" = {2} WHERE "Id" = {0}""",
            EmailMessage.MaxAttempts, leaseEnds);
        var worker = outbox.Worker(logger: log.Logger<OutboxWorker>());

        await worker.SendDueAsync(CancellationToken.None);
        Assert.False((await outbox.LoadAsync(id)).GaveUp); // the last attempt may still be under way
        outbox.Clock.Advance(TimeSpan.FromMinutes(1));
        await worker.SendDueAsync(CancellationToken.None);

        var message = await outbox.LoadAsync(id);
        Assert.True(message.GaveUp);
        Assert.NotNull(message.LastError);
        Assert.Contains(log.Entries, e => e.Level == LogLevel.Error && e.Message.Contains(id.ToString(), StringComparison.Ordinal));
    }
}
