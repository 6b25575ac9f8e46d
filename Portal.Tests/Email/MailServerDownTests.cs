using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Email;

/// <summary>
/// Issue 2, point 8: a mail server that is down never costs the user their action, and no mail is lost or doubled.
/// Runs on a database of its own: the shared test portal's outbox worker (whose mail server is up) must not see this mail.
/// </summary>
[Collection(Db.Mail)]
public sealed class MailServerDownTests : IAsyncLifetime
{
    private ScratchDatabase database = default!;

    public async Task InitializeAsync()
    {
        database = await ScratchDatabase.CreateAsync("portal_maildown");
        await database.MigrateAsync();
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task Registering_succeeds_while_the_mail_server_is_down_and_the_mail_arrives_once_when_it_is_back()
    {
        var port = SmtpSink.FreePort();
        await using var factory = new PortalFactory(database, port);
        using var client = new FormClient(factory);

        var (response, _) = await client.SubmitAsync("/account/register", ("Input.Email", "hana@example.org"), ("Input.Password", "wij koken op vrijdag samen"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/check-email", response.Headers.Location!.OriginalString);
        var failed = await WaitForAsync(async db => await db.EmailMessages.SingleOrDefaultAsync(m => m.To == "hana@example.org" && m.LastError != null));
        Assert.Null(failed.SentAt);
        Assert.NotNull(failed.LastError);

        await using var mailServer = new SmtpSink(port);
        await using (var db = database.NewContext())
            await db.Database.ExecuteSqlRawAsync("""UPDATE "EmailMessages" SET "NextAttemptAt" = now()""");
        await mailServer.WaitForAsync("hana@example.org", TimeSpan.FromSeconds(20));
        await WaitForAsync(async db => await db.EmailMessages.SingleOrDefaultAsync(m => m.To == "hana@example.org" && m.SentAt != null));
        await Task.Delay(TimeSpan.FromSeconds(1)); // a few more polls of the outbox worker

        Assert.Single(mailServer.To("hana@example.org"));
    }

    private async Task<T> WaitForAsync<T>(Func<Portal.Data.PortalDbContext, Task<T?>> query) where T : class
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await using var db = database.NewContext();
            if (await query(db) is { } found) return found;
            if (DateTime.UtcNow > until) throw new TimeoutException("The outbox did not get there in time.");
            await Task.Delay(100);
        }
    }
}
