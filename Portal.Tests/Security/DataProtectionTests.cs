using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Data Protection keys (which protect sign-in cookies and antiforgery tokens) live in PostgreSQL, so a restarted
/// portal or another node behind the load balancer can read what this one protected. Issue 7, point 18: they were
/// stored readable, so a copy of the database was enough to forge anyone's sign-in cookie; now each key is encrypted
/// with the certificate of DataProtection:Certificate.
/// </summary>
[Collection(Db.Security)]
public sealed partial class DataProtectionTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string Purpose = "Portal.Tests.DataProtection";

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task What_one_node_protected_another_node_on_the_same_database_can_read()
    {
        string protectedPayload;
        await using (var first = new PortalFactory(fixture.Database))
        {
            protectedPayload = Protector(first).Protect("sessie van Amina");
        }

        await using var second = new PortalFactory(fixture.Database);
        var unprotected = Protector(second).Unprotect(protectedPayload);

        Assert.Equal("sessie van Amina", unprotected);
        await using var db = fixture.Database.NewContext();
        var keys = await db.DataProtectionKeys.AsNoTracking().ToListAsync();
        var key = Assert.Single(keys);
        Assert.Contains("<key ", key.Xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stored_key_is_encrypted_with_the_certificate()
    {
        await using (var portal = new PortalFactory(fixture.Database))
        {
            Protector(portal).Protect("sessie van Amina");
        }

        await using var db = fixture.Database.NewContext();
        var key = Assert.Single(await db.DataProtectionKeys.AsNoTracking().ToListAsync());
        Assert.Contains("<encryptedSecret", key.Xml, StringComparison.Ordinal);
        Assert.Contains("<EncryptedData", key.Xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", key.Xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", key.Xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restarted_portal_with_the_same_certificate_accepts_its_sign_in_cookie_and_form_token()
    {
        var cookies = new CookieContainer();
        string token;
        await using (var before = new PortalFactory(fixture.Database))
        {
            await TestAccounts.CreateAsync(before, "amina@example.org", Roles.Applicant);
            using var browser = before.CreateDefaultClient(new CookieContainerHandler(cookies));
            await SignInAsync(browser, "amina@example.org");
            token = Token(await browser.GetStringAsync("/account/profile"));
        }

        await using var after = new PortalFactory(fixture.Database);
        using var sameBrowser = after.CreateDefaultClient(new CookieContainerHandler(cookies));

        var profile = await sameBrowser.GetAsync("/account/profile");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await KeepAliveAsync(sameBrowser, token)).StatusCode);
    }

    [Fact]
    public async Task A_sign_in_cookie_and_form_token_issued_while_the_portal_kept_its_own_key_store_stay_valid()
    {
        var cookies = new CookieContainer();
        string token;
        await using (var portal = new PortalFactory(fixture.Database))
        {
            var before = OnOwnKeyStore(portal);
            await TestAccounts.CreateAsync(before, "amina@example.org", Roles.Applicant);
            using var browser = before.CreateDefaultClient(new CookieContainerHandler(cookies));
            await SignInAsync(browser, "amina@example.org");
            token = Token(await browser.GetStringAsync("/account/profile"));
        }

        await using var after = new PortalFactory(fixture.Database);
        using var sameBrowser = after.CreateDefaultClient(new CookieContainerHandler(cookies));

        Assert.Equal(HttpStatusCode.OK, (await sameBrowser.GetAsync("/account/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await KeepAliveAsync(sameBrowser, token)).StatusCode);
        // It read the key stored before instead of making one of its own.
        await using var db = fixture.Database.NewContext();
        Assert.Single(await db.DataProtectionKeys.AsNoTracking().ToListAsync());
    }

    [Fact]
    public async Task During_a_rolling_deploy_a_node_with_the_own_key_store_reads_what_an_upgraded_node_protected()
    {
        string protectedPayload;
        await using (var upgraded = new PortalFactory(fixture.Database))
        {
            protectedPayload = Protector(upgraded).Protect("sessie van Amina");
        }

        await using var portal = new PortalFactory(fixture.Database);
        var notYetUpgraded = OnOwnKeyStore(portal);

        Assert.Equal("sessie van Amina", Protector(notYetUpgraded).Unprotect(protectedPayload));
    }

    [Fact]
    public async Task A_portal_with_another_certificate_cannot_use_the_stored_keys()
    {
        string protectedPayload;
        await using (var first = new PortalFactory(fixture.Database))
        {
            protectedPayload = Protector(first).Protect("sessie van Amina");
        }

        await using var stranger = new PortalFactory(fixture.Database, settings: Certificate(TestCertificate.Create("Someone else")));

        Assert.ThrowsAny<System.Security.Cryptography.CryptographicException>(() => Protector(stranger).Unprotect(protectedPayload));
    }

    [Fact]
    public async Task After_a_rotation_the_previous_certificate_still_opens_the_keys_it_encrypted()
    {
        var previous = TestCertificate.Create("Portal keys 2025");
        string protectedPayload;
        await using (var first = new PortalFactory(fixture.Database, settings: Certificate(previous)))
        {
            protectedPayload = Protector(first).Protect("sessie van Amina");
        }

        var settings = Certificate(TestCertificate.Create("Portal keys 2026"));
        settings["DataProtection:PreviousCertificates:0:Path"] = previous.Path;
        settings["DataProtection:PreviousCertificates:0:Password"] = previous.Password;
        await using var rotated = new PortalFactory(fixture.Database, settings: settings);

        Assert.Equal("sessie van Amina", Protector(rotated).Unprotect(protectedPayload));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/no/such/keys.pfx")]
    public async Task Start_up_outside_Development_stops_with_a_plain_message_without_a_usable_certificate(string path)
    {
        await using var portal = new PortalFactory(fixture.Database, settings: new Dictionary<string, string?> { ["DataProtection:Certificate:Path"] = path });

        var error = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());

        Assert.Contains("DataProtection__Certificate__Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_up_stops_with_a_plain_message_when_the_certificate_password_is_wrong()
    {
        await using var portal = new PortalFactory(fixture.Database, settings: new Dictionary<string, string?> { ["DataProtection:Certificate:Password"] = "geraden" });

        var error = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());

        Assert.Contains("DataProtection__Certificate__Password", error.Message, StringComparison.Ordinal);
    }

    /// <summary><paramref name="portal"/> with the key store it had before DataProtection.EntityFrameworkCore.</summary>
    private WebApplicationFactory<Program> OnOwnKeyStore(PortalFactory portal) => portal.WithWebHostBuilder(web =>
        web.ConfigureTestServices(services => services.Configure<KeyManagementOptions>(o =>
            o.XmlRepository = new OwnKeyStore(fixture.Database.AppConnectionString))));

    private static IDataProtector Protector(WebApplicationFactory<Program> portal) =>
        portal.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    private static Dictionary<string, string?> Certificate(TestCertificate certificate) => new()
    {
        ["DataProtection:Certificate:Path"] = certificate.Path,
        ["DataProtection:Certificate:Password"] = certificate.Password,
    };

    private static async Task SignInAsync(HttpClient browser, string email)
    {
        var token = Token(await browser.GetStringAsync("/account/sign-in"));
        using var form = new FormUrlEncodedContent([
            new("Input.Email", email), new("Input.Password", TestAccounts.Password), new("__RequestVerificationToken", token)]);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/sign-in") { Content = form };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var response = await browser.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> KeepAliveAsync(HttpClient browser, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/keep-alive");
        request.Headers.Add("RequestVerificationToken", token);
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        return await browser.SendAsync(request);
    }

    private static string Token(string html) => WebUtility.HtmlDecode(TokenPattern().Match(html).Groups[1].Value);

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*? value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
