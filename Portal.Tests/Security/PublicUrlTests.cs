using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Portal.Domain.Accounts;
using Portal.Infrastructure.Email;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Links in emails come from the configured public address, never from the request's Host header: otherwise a request
/// with <c>Host: evil.example</c> mails a victim a working sign-in token that points at the attacker's server.
/// </summary>
[Collection(Db.Security)]
public sealed partial class PublicUrlTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string Public = "https://subsidie.nijmegen.example";

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_link_in_every_email_points_to_the_public_address_whatever_Host_the_request_named()
    {
        // AllowedHosts "*" (as in Development): the foreign Host reaches the pages, so only the link building is tested.
        await using var portal = new PortalFactory(fixture.Database, settings: new Dictionary<string, string?>
        {
            ["Portal:PublicUrl"] = Public, ["AllowedHosts"] = "*",
        });
        var known = await TestAccounts.CreateAsync(portal, "amina@example.org", Roles.Applicant);
        var organisation = await TestApplications.OrganisationAsync(fixture.Database, known.Id);
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        await TestApplications.DraftAsync(fixture.Database, organisation, scheme: Portal.Domain.Schemes.DemoSchemes.Mantelzorg, complete: false);
        using var attacker = new FormClient(portal);
        attacker.Http.DefaultRequestHeaders.Host = "evil.example";

        await attacker.SubmitAsync("/account/register", ("Input.Email", "nieuw@example.org"), ("Input.Password", "een lange zin als wachtwoord"));
        await attacker.SubmitAsync("/account/register", ("Input.Email", "amina@example.org"), ("Input.Password", "een lange zin als wachtwoord"));
        await attacker.SubmitAsync("/account/sign-in-link", ("Input.Email", "amina@example.org"));
        await attacker.SubmitAsync("/account/forgot-password", ("Input.Email", "amina@example.org"));
        await attacker.SignInAsync("amina@example.org", TestAccounts.Password);
        await attacker.SubmitAsync($"/organisation/{organisation.Id}/invite", ("Input.Email", "buurvrouw@example.org"));
        await attacker.SubmitAsync($"/applications/{draft.Id}/check",
            ("Input.TrueAndComplete", "true"), ("Input.WillReport", "true"), ("Input.MayBeChecked", "true"), ("Input.DecisionsByEmail", "true"));
        var services = portal.Services;
        await new DraftReminderWorker(services.GetRequiredService<IServiceScopeFactory>(), services.GetRequiredService<IConfiguration>(),
            NullLogger<DraftReminderWorker>.Instance, new TestClock(DateTimeOffset.UtcNow.AddDays(15))).SendDueAsync();

        await using var db = fixture.Database.NewContext();
        var bodies = await db.EmailMessages.Select(m => m.Subject + "\n" + m.TextBody).ToListAsync();
        var links = bodies.SelectMany(b => LinkPattern().Matches(b).Select(m => m.Value)).ToList();
        // Confirmation, already registered, sign-in link, reset, invitation, submitted (status link), reminder (two links).
        Assert.Equal(8, links.Count);
        Assert.All(links, link => Assert.StartsWith(Public + "/", link, StringComparison.Ordinal));
        Assert.All(bodies, body => Assert.DoesNotContain("evil.example", body, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_request_naming_another_host_is_refused_when_no_hosts_are_configured()
    {
        await using var portal = new PortalFactory(fixture.Database, settings: new Dictionary<string, string?> { ["Portal:PublicUrl"] = Public });
        using var client = portal.CreateClient();

        using var foreign = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in-link");
        foreign.Headers.Host = "evil.example";
        using var own = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in-link");
        own.Headers.Host = "subsidie.nijmegen.example";

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(foreign)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(own)).StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("subsidie.nijmegen.example")]
    [InlineData("ftp://subsidie.nijmegen.example")]
    public async Task Start_up_stops_with_a_plain_message_without_a_usable_public_address_outside_Development(string value)
    {
        await using var portal = new PortalFactory(fixture.Database, settings: new Dictionary<string, string?> { ["Portal:PublicUrl"] = value });

        var error = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());

        Assert.Contains("Portal__PublicUrl", error.Message, StringComparison.Ordinal);
    }


    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
