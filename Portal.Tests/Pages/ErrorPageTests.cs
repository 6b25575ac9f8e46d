using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

[Collection(Db.Organisations)]
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
    public async Task A_failure_shows_a_plain_page_without_technical_details()
    {
        // The database disappears while the site runs: signing in fails inside the server.
        var database = await ScratchDatabase.CreateAsync();
        await database.MigrateAsync();
        await using var factory = new PortalFactory(database);
        using var client = new FormClient(factory);
        await client.GetAsync("/account/sign-in");
        await database.DisposeAsync();

        var (response, html) = await client.PostAsync("/account/sign-in", [("Input.Email", "amina@example.org"), ("Input.Password", "niet mijn wachtwoord")]);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("<h1>De website werkt even niet</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Npgsql", html, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Portal.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("niet mijn wachtwoord", html, StringComparison.Ordinal); // a password is never shown back
    }

    [Fact]
    public async Task An_answer_posted_while_the_database_is_gone_is_said_to_be_not_saved_and_can_be_sent_again()
    {
        await using var database = new TcpProxy("127.0.0.1", new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString).Port);
        await using var portal = Through(database);
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org", portal: portal);
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation, complete: false);
        var question = $"/applications/{draft.Id}/activity/description";
        await client.GetAsync(question);

        database.Cut();
        var (failed, html) = await client.PostAsync(question, [("Input.Description", "Wij koken samen 🍲 نطبخ معًا")]);
        database.Restore();
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..];
        var action = WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(main, "<form method=\"post\" action=\"([^\"]+)\"").Groups[1].Value);
        var (sentAgain, _) = await client.PostAsync(action, FormClient.HiddenFields(html));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("<h1>De website werkt even niet</h1>", text, StringComparison.Ordinal);
        Assert.Contains("Wat u net verstuurde, is niet bewaard.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("zijn bewaard", text, StringComparison.Ordinal);
        Assert.Contains("Wij koken samen 🍲 نطبخ معًا", text, StringComparison.Ordinal);
        Assert.Equal(question, action);
        Assert.Equal(HttpStatusCode.Redirect, sentAgain.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("Wij koken samen 🍲 نطبخ معًا", (await db.Applications.SingleAsync()).Description);
    }

    [Fact]
    public async Task A_page_asked_for_while_the_database_is_gone_answers_503_with_a_plain_page()
    {
        await using var database = new TcpProxy("127.0.0.1", new NpgsqlConnectionStringBuilder(fixture.Database.ConnectionString).Port);
        await using var portal = Through(database);
        var (client, _) = await fixture.SignedInApplicantAsync("amina@example.org", portal: portal);
        using var anonymous = new FormClient(portal);

        database.Cut();
        var (signedIn, html) = await client.GetAsync("/applications");
        var (catalogue, _) = await anonymous.GetAsync("/schemes");
        database.Restore();
        var (back, _) = await client.GetAsync("/applications");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, signedIn.StatusCode);
        Assert.Contains("<h1>De website werkt even niet</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("niet bewaard", html, StringComparison.Ordinal); // nothing was being saved
        Assert.Equal(HttpStatusCode.ServiceUnavailable, catalogue.StatusCode);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode); // the sign-in cookie was kept through it
    }

    [Fact]
    public async Task A_NUL_character_in_a_form_gets_a_plain_400_with_the_typed_text_without_it()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation, complete: false);
        var question = $"/applications/{draft.Id}/activity/description";
        await client.GetAsync(question);

        var (response, html) = await client.PostAsync(question, [("Input.Description", "Wij koken\0 samen")]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("<h1>Wij konden uw formulier niet lezen</h1>", html, StringComparison.Ordinal);
        Assert.Contains("In uw tekst staat een teken dat wij niet kunnen bewaren.", html, StringComparison.Ordinal);
        Assert.Contains("Wat u net verstuurde, is niet bewaard.", html, StringComparison.Ordinal);
        Assert.Contains("Wij koken samen", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\0", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_another_site_made_the_browser_send_is_not_shown_back()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation, complete: false);
        var question = $"/applications/{draft.Id}/activity/description";
        await client.GetAsync(question);

        var (response, html) = await client.PostAsync(question, [("Input.Description", "Bel nu 0900-OPLICHTER\0")], true,
            ("Sec-Fetch-Site", "cross-site"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("OPLICHTER", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_over_100_MB_gets_the_too_large_page_and_says_the_file_was_not_saved()
    {
        // Only Kestrel enforces the request size limit, so this test uses a real socket.
        await using var portal = new PortalFactory(fixture.Database);
        portal.UseKestrel(0);
        portal.StartServer();
        var address = portal.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseAddress = new UriBuilder(address.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)) { Host = "localhost" }.Uri;
        var user = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Portal.Domain.Accounts.Roles.Applicant);
        var organisation = await TestApplications.OrganisationAsync(fixture.Database, user.Id);
        using var client = FormClient.Over(baseAddress);
        await client.SignInAsync("amina@example.org", TestAccounts.Password);
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation, costEuros: 2000);
        var page = $"/applications/{draft.Id}/attachments";
        await client.GetAsync(page);

        using var form = new MultipartFormDataContent
        {
            { new StringContent(client.LastToken!), "__RequestVerificationToken" },
            { new StringContent("ActivityPlan"), "Kind" },
        };
        var file = new ByteArrayContent(new byte[101 * 1024 * 1024]);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "Upload", "begroting.pdf");
        using var request = new HttpRequestMessage(HttpMethod.Post, page + "?handler=Upload") { Content = form };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        // The server answers before the body is sent (as it does for a browser, which reads the early answer).
        request.Headers.ExpectContinue = true;
        using var response = await client.Http.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("<h1>Dit is te groot om te versturen</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Uw bestand is ook niet bewaard.", html, StringComparison.Ordinal);
    }

    /// <summary>A portal on the test database, reached through <paramref name="proxy"/> (which can cut it off).</summary>
    private PortalFactory Through(TcpProxy proxy)
    {
        string Via(string connectionString) =>
            new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 3 }.ConnectionString;
        return new PortalFactory(Via(fixture.Database.AppConnectionString), Via(fixture.Database.Database.OwnerConnectionString));
    }
}
