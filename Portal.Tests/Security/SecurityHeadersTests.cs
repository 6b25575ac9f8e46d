using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

[Collection(Db.Security)]
public sealed class SecurityHeadersTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Home_page_is_served_as_html_with_the_security_headers()
    {
        using var client = fixture.Factory.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task Unknown_address_gives_404_with_the_security_headers()
    {
        using var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync("/this-does-not-exist");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertSecurityHeaders(response);
    }

    [Theory]
    [InlineData("/error/500")]
    [InlineData("/account/profile")]
    [InlineData("/css/site.css")]
    public async Task Every_response_has_the_security_headers_also_redirects_and_static_files(string url)
    {
        using var client = fixture.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(url);

        AssertSecurityHeaders(response);
    }

    [Fact]
    public async Task The_server_does_not_say_what_software_it_runs()
    {
        // Only Kestrel adds "Server: Kestrel"; the in-memory test server never does, so this test uses a real socket.
        await using var factory = new PortalFactory(fixture.Database);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // The portal answers only its public host (localhost in the tests), whatever address Kestrel reports.
        using var http = new HttpClient { BaseAddress = new UriBuilder(address.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)) { Host = "localhost" }.Uri };

        using var page = await http.GetAsync("/");
        using var missing = await http.GetAsync("/this-does-not-exist");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Server"), $"Server: {string.Join(", ", page.Headers.Server)}");
        Assert.False(missing.Headers.Contains("Server"), $"Server: {string.Join(", ", missing.Headers.Server)}");
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = Header(response, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.True(directives.TryGetValue("script-src", out var scriptSrc), $"No script-src in CSP: {csp}");
        Assert.DoesNotContain("'unsafe-inline'", scriptSrc);
        Assert.DoesNotContain("'unsafe-eval'", scriptSrc);
        Assert.DoesNotContain("*", scriptSrc);
        Assert.Equal("frame-ancestors 'none'", directives.GetValueOrDefault("frame-ancestors"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Contains(Header(response, "Referrer-Policy"), new[] { "same-origin", "no-referrer", "strict-origin", "strict-origin-when-cross-origin" });
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"The response has no {name} header.");
}
