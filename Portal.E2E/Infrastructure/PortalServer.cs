using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using Npgsql;
using Portal.Data;

namespace Portal.E2E.Infrastructure;

/// <summary>An account the tests made directly in the database, with its password and (for staff) its authenticator key.</summary>
public sealed record TestAccount(string Email, string Password, string Role, string? AuthenticatorKey);

/// <summary>
/// The real portal on a real socket (Kestrel on a free port), with its own throwaway PostgreSQL database and
/// MailDev as its SMTP server. Set up as in production: migrations run at start-up as the owner role, the portal
/// connects as the app role, and its Data Protection keys are encrypted with a certificate.
/// </summary>
public sealed class PortalServer : IAsyncLifetime
{
    public const string Password = DemoData.Password;

    private readonly string _database = "portal_e2e_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
    private Factory? _factory;

    public Uri BaseUrl { get; private set; } = null!;
    public MailDev Mail { get; } = new();
    public IServiceProvider Services => _factory!.Services;

    public async Task InitializeAsync()
    {
        await TestDatabaseRoles.CreateDatabaseAsync(TestEnvironment.PostgresServer, _database);
        var connectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = _database }.ConnectionString;
        // The port is chosen before start-up, because the portal's public address (the links in its mails, the only
        // Host it answers) must be known when it starts. The browser uses the same address, so cookies agree.
        var port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{port}");
        _factory = new Factory(connectionString, BaseUrl);
        _factory.UseKestrel(port);
        _factory.StartServer();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null) await _factory.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)");
    }

    /// <summary>
    /// Lets the session of this browser expire, as 30 idle minutes would: its sign-in cookie is replaced by the same
    /// sign-in with an end time in the past. The browser keeps sending it; the portal no longer accepts it.
    /// </summary>
    public async Task ExpireSessionAsync(IBrowserContext browser)
    {
        var options = Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var cookie = (await browser.CookiesAsync([BaseUrl.ToString()])).Single(c => c.Name == options.Cookie.Name);
        var ticket = options.TicketDataFormat.Unprotect(cookie.Value) ?? throw new InvalidOperationException("Not a sign-in cookie.");
        ticket.Properties.IssuedUtc = DateTimeOffset.UtcNow.AddMinutes(-61);
        ticket.Properties.ExpiresUtc = DateTimeOffset.UtcNow.AddMinutes(-31);
        await browser.AddCookiesAsync([new Cookie
        {
            Name = cookie.Name, Value = options.TicketDataFormat.Protect(ticket), Domain = cookie.Domain, Path = cookie.Path,
            HttpOnly = cookie.HttpOnly, SameSite = cookie.SameSite, Secure = cookie.Secure,
        }]);
    }

    /// <summary>A unique address per call, so each test reads only its own mail.</summary>
    public static string NewEmail(string name) => $"{name}+{Guid.NewGuid():N}@example.org";

    /// <summary>
    /// Makes a confirmed account in the given role, as an administrator would. With an authenticator key the account has
    /// two-factor sign-in switched on (as if enrolled); staff without one must enrol before any staff page opens.
    /// </summary>
    public async Task<TestAccount> CreateAccountAsync(string role, string name, string? authenticatorKey = null, string language = "nl")
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = NewEmail(name);
        var user = new PortalUser
        {
            UserName = email, Email = email, EmailConfirmed = true, CreatedAt = DateTimeOffset.UtcNow, PreferredLanguage = language,
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRoleAsync(user, role));
        if (authenticatorKey is not null)
        {
            Check(await users.SetAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey", authenticatorKey));
            Check(await users.SetTwoFactorEnabledAsync(user, true));
        }
        return new TestAccount(email, Password, role, authenticatorKey);
    }

    /// <summary>The demo schemes of PRODUCT.md (DemoData); adds only those missing, so every test that needs them may call it.</summary>
    public async Task SeedSchemesAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await DemoData.SeedSchemesAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), TimeProvider.System);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}")));
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresServer) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static int FreePort()
    {
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private sealed class Factory(string connectionString, Uri publicUrl) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("ConnectionStrings:Portal", TestDatabaseRoles.As(connectionString, TestDatabaseRoles.App));
            builder.UseSetting("ConnectionStrings:PortalOwner", TestDatabaseRoles.As(connectionString, TestDatabaseRoles.Owner));
            foreach (var (key, value) in TestCertificate.Default.Settings) builder.UseSetting(key, value);
            builder.UseSetting("Portal:PublicUrl", publicUrl.ToString());
            builder.UseSetting("Smtp:Host", "127.0.0.1");
            builder.UseSetting("Smtp:Port", TestEnvironment.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Outbox:PollInterval", "00:00:00.200");
            // Every test signs in from 127.0.0.1: the per-client limits would otherwise stop the suite, not an attacker.
            builder.UseSetting("RateLimits:SignInPerMinute", "1000");
            builder.UseSetting("RateLimits:RegisterPerMinute", "1000");
            builder.UseSetting("RateLimits:SignInLinkPerMinute", "1000");
            builder.UseSetting("RateLimits:HelpRequestPerMinute", "1000");
            // Coaches hear of new requests within seconds, not the minute the portal waits between rounds.
            builder.UseSetting("Coaching:NotifyInterval", "00:00:02");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        }
    }
}
