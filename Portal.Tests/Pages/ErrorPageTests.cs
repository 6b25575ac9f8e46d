using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

[Collection("db")]
public sealed class ErrorPageTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Too_many_sign_in_attempts_get_a_plain_translated_429_page()
    {
        await using var factory = new PortalFactory(fixture.Database, settings: new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "2" });
        using var client = new FormClient(factory);
        await client.SubmitAsync("/language", ("code", "en"), ("returnUrl", "/"));

        var statuses = new List<HttpStatusCode>();
        string html = "";
        for (var i = 0; i < 3; i++)
        {
            var (response, body) = await client.SubmitAsync("/account/sign-in", ("Input.Email", "amina@example.org"), ("Input.Password", "niet mijn wachtwoord"));
            statuses.Add(response.StatusCode);
            html = body;
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Contains("<h1>Please wait a moment</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Wait one minute", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_page_gives_a_plain_404()
    {
        using var client = new FormClient(fixture.Factory);

        var (response, html) = await client.GetAsync("/bestaat-niet");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>Deze pagina bestaat niet</h1>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_error_shows_a_plain_page_without_technical_details()
    {
        // The database disappears while the site runs: signing in fails inside the server.
        var database = await ScratchDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var factory = new PortalFactory(database);
        using var client = new FormClient(factory);
        await client.GetAsync("/account/sign-in");
        await database.DisposeAsync();

        var (response, html) = await client.PostAsync("/account/sign-in", [("Input.Email", "amina@example.org"), ("Input.Password", "niet mijn wachtwoord")]);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("<h1>Er ging iets mis</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Portal.", html, StringComparison.Ordinal);
    }
}
