using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;
using Portal.Domain.Email;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Email;

/// <summary>
/// Issue 7, point 6: a SIGKILL during a batch delivered 8 mails for 6 messages, a database that stopped mid-batch 10 for
/// 6. Whatever stops the worker, at most the one message being sent goes out twice, and with the same Message-ID.
/// The mail server answers slowly, and the fault is injected at the moment it holds a message it has not yet confirmed.
/// </summary>
[Collection(Db.Mail)]
public sealed class OutboxCrashTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Killing_the_portal_mid_batch_repeats_at_most_the_one_message_being_sent()
    {
        await using var database = await ScratchDatabase.CreateAsync("portal_kill");
        await database.MigrateAsync();
        var messages = await EnqueueAsync(database, count: 8);
        await using var mailServer = new SmtpSink { ReplyDelay = TimeSpan.FromMilliseconds(300) };
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Portal"] = database.AppConnectionString,
            ["ConnectionStrings:PortalOwner"] = database.OwnerConnectionString,
            ["Database:MigrateOnStartup"] = "true",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = mailServer.Port.ToString(CultureInfo.InvariantCulture),
            ["Outbox:PollInterval"] = "00:00:00.2",
            // Short, so the messages the killed portal held go out again soon; long enough for the whole batch.
            ["Outbox:Lease"] = "00:00:08",
        };

        var killed = PortalProcess.Start(settings);
        await using (killed)
        {
            mailServer.OnMessage = _ =>
            {
                if (mailServer.Received.Count == 3) killed.Kill();
            };
            await mailServer.WaitForAsync(3, TimeSpan.FromSeconds(60));
        }
        mailServer.OnMessage = null;
        await using var restarted = PortalProcess.Start(settings);
        await WaitUntilAllSentAsync(database, restarted);

        var received = mailServer.Received;
        var repeated = received.GroupBy(m => m.To.Single()).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
        Assert.All(messages.Keys, to => Assert.Contains(received, m => m.To.Contains(to)));
        Assert.True(received.Count <= messages.Count + 1, $"{received.Count} mails for {messages.Count} messages; repeated: {string.Join(", ", repeated)}");
        Assert.All(received, m => Assert.Equal($"<{messages[m.To.Single()]:N}@portal.nijmegen.example>", m.MessageId));
    }

    [Fact]
    public async Task Losing_the_database_mid_batch_stops_the_batch_and_repeats_at_most_the_one_message_being_sent()
    {
        var server = new NpgsqlConnectionStringBuilder(fixture.Database.AppConnectionString);
        // The proxy reaches the server over TCP (it also listens on 127.0.0.1), whatever the tests' socket.
        await using var proxy = new TcpProxy("127.0.0.1", server.Port);
        var throughProxy = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Pooling = false };
        await using var outbox = new OutboxHarness(throughProxy.ConnectionString);
        await using var mailServer = new SmtpSink();
        outbox.Smtp.Port = mailServer.Port;
        var messages = new Dictionary<string, Guid>();
        for (var i = 1; i <= 6; i++) messages[$"groep{i}@example.org"] = await outbox.EnqueueAsync($"groep{i}@example.org");
        var worker = outbox.Worker();
        mailServer.OnMessage = _ =>
        {
            if (mailServer.Received.Count == 1) proxy.Cut();
        };

        var stopped = await Record.ExceptionAsync(() => worker.SendDueAsync(CancellationToken.None));

        Assert.NotNull(stopped);
        Assert.Single(mailServer.Received); // nothing more went out that the database could not record
        proxy.Restore();
        outbox.Clock.Advance(OutboxHarness.DefaultLease);
        while (await worker.SendDueAsync(CancellationToken.None) > 0) { }
        var received = mailServer.Received;
        Assert.All(messages.Keys, to => Assert.Contains(received, m => m.To.Contains(to)));
        Assert.True(received.Count <= messages.Count + 1, $"{received.Count} mails for {messages.Count} messages");
        Assert.All(received, m => Assert.Equal($"<{messages[m.To.Single()]:N}@portal.nijmegen.example>", m.MessageId));
        foreach (var id in messages.Values) Assert.NotNull((await outbox.LoadAsync(id)).SentAt);
    }

    private static async Task<Dictionary<string, Guid>> EnqueueAsync(ScratchDatabase database, int count)
    {
        await using var db = database.NewContext();
        var messages = Enumerable.Range(1, count)
            .Select(i => new EmailMessage($"vrijwilliger{i}@example.org", $"Bevestiging {i}", "Tekst", null, DateTimeOffset.UtcNow))
            .ToList();
        db.EmailMessages.AddRange(messages);
        await db.SaveChangesAsync();
        return messages.ToDictionary(m => m.To, m => m.Id);
    }

    private static async Task WaitUntilAllSentAsync(ScratchDatabase database, PortalProcess portal)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            await using (var db = database.NewContext())
            {
                if (!await db.EmailMessages.AnyAsync(m => m.SentAt == null)) return;
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The restarted portal did not send everything in time:\n" + portal.Output);
            await Task.Delay(200);
        }
    }
}
