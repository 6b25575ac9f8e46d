using System.Net;
using Portal.Domain.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Assisted;

/// <summary>A takeover code is a secret: guessing one is slowed down per client address, like a sign-in link.</summary>
[Collection(Db.Coaching)]
public sealed class TakeOverLimitTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Guessing_takeover_codes_from_one_address_gets_429()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        await using var limited = new PortalFactory(fixture.Database, settings: new Dictionary<string, string?> { ["RateLimits:SignInLinkPerMinute"] = "2" });
        using var client = new FormClient(limited);
        await client.SignInAsync("amina@example.org", TestAccounts.Password);
        await client.GetAsync("/assisted/take-over");

        var statuses = new List<HttpStatusCode>();
        foreach (var guess in new[] { "AAAA-BBBB", "CCCC-DDDD", "EEEE-FFFF" })
            statuses.Add((await client.PostAsync("/assisted/take-over", [("Code", guess)])).Response.StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
