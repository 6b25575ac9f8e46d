using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Domain.Email;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The outbox worker outside a running portal, with the portal's own services on the database the test names, real SMTP
/// to <see cref="Smtp"/> (by default a port where nothing listens) and time on <see cref="Clock"/>. The clock starts a
/// day ahead of the real one, so the background worker of a running portal on the same database never takes this mail.
/// </summary>
public sealed class OutboxHarness : IAsyncDisposable
{
    public OutboxHarness(string connectionString)
    {
        Services = new ServiceCollection()
            .AddLogging()
            .AddDbContext<PortalDbContext>(o => o.UseNpgsql(connectionString))
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton(Options.Create(Smtp))
            .AddScoped<IEmailSender, SmtpEmailSender>()
            .AddLocalization(o => o.ResourcesPath = "Resources")
            .AddSingleton<PortalText>()
            .AddScoped<EmailOutbox>()
            .BuildServiceProvider(validateScopes: true);
    }

    public TestClock Clock { get; } = new(DateTimeOffset.UtcNow.AddDays(1));

    /// <summary>Where the worker sends mail; set <see cref="SmtpOptions.Port"/> to an <see cref="SmtpSink"/>'s.</summary>
    public SmtpOptions Smtp { get; } = new() { Host = "127.0.0.1", Port = PortalFactory.ClosedPort };

    public ServiceProvider Services { get; }

    public static TimeSpan DefaultLease => new OutboxOptions().Lease;

    public OutboxWorker Worker(int batchSize = 20, ILogger<OutboxWorker>? logger = null) => new(
        Services.GetRequiredService<IServiceScopeFactory>(),
        Options.Create(new OutboxOptions { BatchSize = batchSize, PollInterval = TimeSpan.FromMilliseconds(100) }),
        logger ?? NullLogger<OutboxWorker>.Instance);

    public async Task<Guid> EnqueueAsync(string to, string subject = "Bevestiging", string body = "Tekst")
    {
        await using var scope = Services.CreateAsyncScope();
        var message = scope.ServiceProvider.GetRequiredService<EmailOutbox>().Enqueue(to, subject, body);
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();
        return message.Id;
    }

    public async Task<EmailMessage> LoadAsync(Guid id)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().EmailMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    /// <summary>Changes stored messages directly, to put one in a state that takes hours to reach (SQL with {0} = the id).</summary>
    public async Task UpdateAsync(Guid id, string sql, params object[] values)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.ExecuteSqlRawAsync(sql, [id, .. values]);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
