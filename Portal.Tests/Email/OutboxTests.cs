using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Email;
using Portal.Infrastructure.Email;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Email;

/// <summary>
/// The outbox worker against the test database and a real SMTP conversation (with <see cref="SmtpSink"/>).
/// Only time is faked. The messages of these tests live a day ahead of the real clock, so the background worker of a
/// running portal (which reads the real clock) never picks them up.
/// </summary>
[Collection(Db.Mail)]
public sealed class OutboxTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string ArabicSubject = "تأكيد عنوان بريدك الإلكتروني — Subsidieportaal Nijmegen";
    private const string ArabicBody = "مرحبا أمينة،\r\nاضغط على الرابط لتأكيد عنوانك.\r\n.Een regel die met een punt begint, en één met accenten: café.";

    private OutboxHarness outbox = null!;
    private TestClock clock = null!;
    private SmtpOptions smtp = null!;

    public async Task InitializeAsync()
    {
        await fixture.Database.ResetAsync();
        outbox = new OutboxHarness(fixture.Database.AppConnectionString);
        (clock, smtp) = (outbox.Clock, outbox.Smtp);
    }

    public async Task DisposeAsync() => await outbox.DisposeAsync();

    [Fact]
    public async Task Mail_server_down_keeps_the_message_and_retries_later_with_backoff()
    {
        var id = await EnqueueAsync("amina@example.org", ArabicSubject, ArabicBody);
        var worker = Worker();

        var attempted = await worker.SendDueAsync(CancellationToken.None);

        Assert.Equal(1, attempted);
        var failed = await LoadAsync(id);
        Assert.Equal(1, failed.Attempts);
        Assert.Null(failed.SentAt);
        Assert.False(string.IsNullOrWhiteSpace(failed.LastError));
        Assert.True(failed.NextAttemptAt > clock.GetUtcNow(), "The next attempt must wait (backoff).");
        Assert.Equal(clock.GetUtcNow() + EmailMessage.BackoffAfter(1), failed.NextAttemptAt);

        // Not due yet: calling again does not hammer the mail server.
        Assert.Equal(0, await worker.SendDueAsync(CancellationToken.None));
        Assert.Equal(1, (await LoadAsync(id)).Attempts);
    }

    [Fact]
    public async Task Message_kept_while_the_mail_server_was_down_arrives_once_it_is_back_intact_and_only_once()
    {
        var id = await EnqueueAsync("amina@example.org", ArabicSubject, ArabicBody);
        var worker = Worker();
        await worker.SendDueAsync(CancellationToken.None);

        await using var sink = new SmtpSink();
        smtp.Port = sink.Port;
        clock.Advance(EmailMessage.BackoffAfter(1));
        var attempts = new List<int>();
        for (var i = 0; i < 3; i++) attempts.Add(await worker.SendDueAsync(CancellationToken.None));

        Assert.Equal([1, 0, 0], attempts);
        var mail = Assert.Single(sink.Received);
        Assert.Equal(["amina@example.org"], mail.To);
        Assert.Equal(ArabicSubject, mail.Subject);
        Assert.Equal(ArabicBody, mail.TextBody);
        Assert.Equal($"<{id:N}@portal.nijmegen.example>", mail.Headers["Message-ID"]);
        var sent = await LoadAsync(id);
        Assert.Equal(clock.GetUtcNow(), sent.SentAt);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LastError);
    }

    [Fact]
    public async Task Two_workers_at_the_same_moment_send_each_message_exactly_once()
    {
        await using var sink = new SmtpSink();
        smtp.Port = sink.Port;
        var recipients = Enumerable.Range(1, 12).Select(i => $"aanvrager{i}@example.org").ToList();
        foreach (var to in recipients) await EnqueueAsync(to, $"Bevestiging voor {to}", "Tekst");
        var worker = Worker(batchSize: 3);
        using var start = new ManualResetEventSlim();

        var nodes = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            var total = 0;
            while (await worker.SendDueAsync(CancellationToken.None) is var attempted and > 0) total += attempted;
            return total;
        })).ToList();
        start.Set();
        var attemptedPerNode = await Task.WhenAll(nodes);

        Assert.Equal(recipients.Count, attemptedPerNode.Sum());
        Assert.Equal(recipients.Order(), sink.Received.SelectMany(m => m.To).Order());
        await using var db = fixture.Database.NewContext();
        Assert.All(await db.EmailMessages.ToListAsync(), m => Assert.Equal((1, true), (m.Attempts, m.SentAt is not null)));
    }

    [Fact]
    public async Task Message_held_by_a_worker_that_died_goes_out_once_its_lease_has_run_out_and_not_before()
    {
        await using var sink = new SmtpSink();
        smtp.Port = sink.Port;
        var id = await EnqueueAsync("amina@example.org", "Bevestiging", "Tekst");
        // As a worker leaves it that claimed the message and was killed before it could mark it.
        await outbox.UpdateAsync(id, """UPDATE "EmailMessages" SET "Attempts" = 1, "LeasedUntil" = {1} WHERE "Id" = {0}""",
            clock.GetUtcNow() + OutboxHarness.DefaultLease);
        var worker = Worker();

        Assert.Equal(0, await worker.SendDueAsync(CancellationToken.None));
        clock.Advance(OutboxHarness.DefaultLease);
        Assert.Equal(1, await worker.SendDueAsync(CancellationToken.None));

        Assert.Single(sink.To("amina@example.org"));
        var sent = await LoadAsync(id);
        Assert.NotNull(sent.SentAt);
        Assert.Equal(2, sent.Attempts);
        Assert.Null(sent.LeasedUntil);
    }

    [Fact]
    public async Task Mail_queued_by_the_portal_is_sent_by_its_background_worker()
    {
        using (var scope = fixture.Factory.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<EmailOutbox>().Enqueue("fatima@example.org", ArabicSubject, ArabicBody);
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        }

        var mail = await fixture.Smtp.WaitForAsync("fatima@example.org");

        Assert.Equal(ArabicSubject, mail.Subject);
        Assert.Equal(ArabicBody, mail.TextBody);
        await using var db = fixture.Database.NewContext();
        await WaitUntilAsync(async () => await db.EmailMessages.AsNoTracking().AnyAsync(m => m.To == "fatima@example.org" && m.SentAt != null));
    }

    [Fact]
    public async Task An_Arabic_email_arrives_as_text_and_as_HTML_that_reads_right_to_left()
    {
        using (var scope = fixture.Factory.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<EmailOutbox>()
                .Enqueue("noor@example.org", "ar", _ => (ArabicSubject, "مرحبا أمينة،\n\nاضغطوا على الرابط: https://portal.example/account/confirm?code=a&b=c"));
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        }

        var mail = (await fixture.Smtp.WaitForAsync("noor@example.org")).Message;

        var alternative = Assert.IsType<MimeKit.MultipartAlternative>(mail.Body);
        Assert.Equal("multipart/alternative", alternative.ContentType.MimeType);
        var parts = alternative.OfType<MimeKit.TextPart>().ToList();
        Assert.Equal(["text/plain", "text/html"], parts.Select(p => p.ContentType.MimeType));
        Assert.Contains("اضغطوا على الرابط", parts[0].Text);
        var html = parts[1].Text;
        Assert.Matches("<html lang=\"ar\" dir=\"rtl\">", html);
        Assert.Contains($"<title>{System.Net.WebUtility.HtmlEncode(ArabicSubject)}</title>", html);
        Assert.Contains("<a href=\"https://portal.example/account/confirm?code=a&amp;b=c\" dir=\"ltr\"", html);
    }

    private OutboxWorker Worker(int batchSize = 20) => outbox.Worker(batchSize);

    private Task<Guid> EnqueueAsync(string to, string subject, string body) => outbox.EnqueueAsync(to, subject, body);

    private Task<EmailMessage> LoadAsync(Guid id) => outbox.LoadAsync(id);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition was not met within 10 s.");
            await Task.Delay(20);
        }
    }
}
