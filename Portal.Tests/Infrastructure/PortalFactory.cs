using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Domain.Accounts;
using Portal.Domain.Organisations;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The real portal on the in-memory test server, on the test database, in environment "Testing", set up as in
/// production: it connects as the app role, migrates as the owner role and encrypts its keys with a certificate.
/// Mail goes to <paramref name="smtpPort"/> on 127.0.0.1; by default a port where nothing listens (the mail server is down),
/// give the port of an <see cref="SmtpSink"/> to receive it. The outbox is polled every 0.2 s so mail goes out quickly.
/// </summary>
public sealed class PortalFactory(string appConnectionString, string ownerConnectionString, int smtpPort = PortalFactory.ClosedPort,
    IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    /// <summary>A port on which no mail server listens.</summary>
    public const int ClosedPort = 1;

    /// <summary>The address the test portal believes it has (links in its emails start with it).</summary>
    public const string PublicUrl = "http://localhost";

    public PortalFactory(TestDatabase database, int smtpPort = ClosedPort, IReadOnlyDictionary<string, string?>? settings = null)
        : this(database.Database, smtpPort, settings)
    {
    }

    public PortalFactory(ScratchDatabase database, int smtpPort = ClosedPort, IReadOnlyDictionary<string, string?>? settings = null)
        : this(database.AppConnectionString, database.OwnerConnectionString, smtpPort, settings)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var values = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Portal"] = appConnectionString,
            ["ConnectionStrings:PortalOwner"] = ownerConnectionString,
            // The in-memory test client sends Host: localhost; links in emails point there too.
            ["Portal:PublicUrl"] = PublicUrl,
            ["Outbox:PollInterval"] = "00:00:00.2",
            ["Smtp:Host"] = "127.0.0.1",
            ["Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            // Every test client shares one address; the rate-limit test sets its own low limits.
            ["RateLimits:SignInPerMinute"] = "100000",
            ["RateLimits:RegisterPerMinute"] = "100000",
            ["RateLimits:SignInLinkPerMinute"] = "100000",
            ["RateLimits:HelpRequestPerMinute"] = "100000",
            // Failed sends to the closed port are expected here; keep the test output readable.
            ["Logging:LogLevel:Default"] = "Error",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Error",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error",
        };
        foreach (var (key, value) in TestCertificate.Default.Settings) values[key] = value;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) values[key] = value;

        builder.UseEnvironment("Testing");
        // UseSetting is visible while Program.cs still builds (it reads the connection string before Build);
        // the in-memory source is added last, so it also wins over appsettings.json (which names port 1025).
        foreach (var (key, value) in values) builder.UseSetting(key, value);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(values));
        builder.ConfigureServices(s =>
        {
            s.AddTransient<IStartupFilter, TestPeer>();
            var roundTrips = new RoundTrips();
            s.AddSingleton<IInterceptor>(roundTrips);
            s.AddSingleton<IStartupFilter>(roundTrips);
        });
    }
}

/// <summary>
/// Shared by the tests of one database collection (<see cref="Db"/>; they run one after another, the collections in
/// parallel): one test database of its own, one mail sink and one portal on them that delivers its mail to <see cref="Smtp"/>. Each test class implements IAsyncLifetime and calls
/// <c>fixture.Database.ResetAsync()</c> in InitializeAsync; mail of earlier tests stays in the sink, so look for
/// messages by recipient (or call <c>fixture.Smtp.Clear()</c>).
/// </summary>
public sealed partial class DatabaseFixture : IAsyncLifetime
{
    private PortalFactory? factory;

    public TestDatabase Database { get; } = new();

    public SmtpSink Smtp { get; } = new();

    /// <summary>The portal on <see cref="Database"/>, mailing to <see cref="Smtp"/>, started on first use.</summary>
    public PortalFactory Factory => factory ??= new PortalFactory(Database, Smtp.Port);

    public Task InitializeAsync() => Database.InitializeAsync();

    /// <summary>
    /// A confirmed applicant, member of a new, complete organisation (<see cref="TestApplications.OrganisationAsync"/>),
    /// signed in on a new <see cref="FormClient"/> of <paramref name="portal"/> (by default <see cref="Factory"/>).
    /// </summary>
    public async Task<(FormClient Client, Organisation Organisation)> SignedInApplicantAsync(string email,
        string group = "Moedergroep Hatert", string language = "nl", WebApplicationFactory<Program>? portal = null)
    {
        var user = await TestAccounts.CreateAsync(Factory, email, Roles.Applicant, language: language);
        var organisation = await TestApplications.OrganisationAsync(Database, user.Id, group);
        var client = new FormClient(portal ?? Factory);
        await client.SignInAsync(email, TestAccounts.Password);
        return (client, organisation);
    }

    /// <summary>The newest link to <paramref name="path"/> in the mail put in the outbox for <paramref name="to"/> (absolute, as mailed).</summary>
    public async Task<string> LinkInMailAsync(string to, string path)
    {
        await using var db = Database.NewContext();
        var bodies = await db.EmailMessages.Where(m => m.To == to).OrderByDescending(m => m.CreatedAt).Select(m => m.TextBody).ToListAsync();
        return bodies.SelectMany(b => MailLink().Matches(b).Select(m => m.Value)).FirstOrDefault(l => l.Contains(path, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No mail to {to} holds a link to {path}.");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex MailLink();

    public async Task DisposeAsync()
    {
        if (factory is not null) await factory.DisposeAsync();
        await Smtp.DisposeAsync();
        await Database.DisposeAsync();
    }
}
