using System.Net;
using Portal.Infrastructure.Web;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Rate limits count per client. The client is the connection's peer, or the address a configured proxy forwarded;
/// a client cannot choose its own bucket with X-Forwarded-For, nor double its attempts by switching 127.0.0.1 and ::1.
/// </summary>
[Collection(Db.Security)]
public sealed class ClientAddressTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("127.0.0.1", "loopback")]
    [InlineData("::1", "loopback")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void One_client_is_one_key(string address, string key) => Assert.Equal(key, ClientAddress.Key(IPAddress.Parse(address)));

    [Fact]
    public async Task X_Forwarded_For_from_a_peer_that_is_not_a_configured_proxy_changes_nothing()
    {
        await using var portal = Limited(proxies: null);
        using var client = new FormClient(portal);

        var statuses = new List<HttpStatusCode>();
        foreach (var forwarded in new[] { "198.51.100.1", "198.51.100.2", "198.51.100.3" })
            statuses.Add(await SignInAsync(client, peer: "203.0.113.5", forwardedFor: forwarded));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Behind_a_configured_proxy_each_forwarded_client_has_its_own_limit()
    {
        await using var portal = Limited(proxies: "10.0.0.2");
        using var client = new FormClient(portal);

        var first = await SignInAsync(client, "10.0.0.2", "198.51.100.1");
        var second = await SignInAsync(client, "10.0.0.2", "198.51.100.1");
        var otherClient = await SignInAsync(client, "10.0.0.2", "198.51.100.2");
        var third = await SignInAsync(client, "10.0.0.2", "198.51.100.1");

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests],
            [first, second, otherClient, third]);
    }

    [Fact]
    public async Task Loopback_over_IPv4_and_IPv6_is_one_client()
    {
        await using var portal = Limited(proxies: null);
        using var client = new FormClient(portal);

        var statuses = new List<HttpStatusCode>();
        foreach (var peer in new[] { "127.0.0.1", "::1", "127.0.0.1" }) statuses.Add(await SignInAsync(client, peer, null));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task A_refused_attempt_says_when_to_try_again()
    {
        await using var portal = Limited(proxies: null);
        using var client = new FormClient(portal);
        await SignInAsync(client, "192.0.2.9", null);
        await SignInAsync(client, "192.0.2.9", null);

        await client.GetAsync("/account/sign-in");
        var response = await client.Http.SendAsync(SignInRequest(client, "192.0.2.9", null));

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value.TotalSeconds, 1, 60);
    }

    private PortalFactory Limited(string? proxies)
    {
        var settings = new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "2" };
        if (proxies is not null) settings["Portal:Proxies:Addresses:0"] = proxies;
        return new PortalFactory(fixture.Database, settings: settings);
    }

    private static async Task<HttpStatusCode> SignInAsync(FormClient client, string peer, string? forwardedFor)
    {
        await client.GetAsync("/account/sign-in");
        using var response = await client.Http.SendAsync(SignInRequest(client, peer, forwardedFor));
        return response.StatusCode;
    }

    private static HttpRequestMessage SignInRequest(FormClient client, string peer, string? forwardedFor)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in")
        {
            Content = new FormUrlEncodedContent([
                new("Input.Email", "amina@example.org"), new("Input.Password", "niet mijn wachtwoord"),
                new("__RequestVerificationToken", client.LastToken!),
            ]),
        };
        request.Headers.Add(TestPeer.Header, peer);
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        return request;
    }
}
