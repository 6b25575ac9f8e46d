using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Domain.Audit;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Audit;

/// <summary>The audit trail is append-only in the database itself, whatever the application (or an attacker in it) tries.</summary>
[Collection(Db.Mail)]
public sealed class AuditTrailTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset Moment = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Events_are_recorded()
    {
        var userId = Guid.NewGuid();
        await AddAsync(new AuditEvent(AuditKinds.SignInSucceeded, userId, "amina@example.org", "192.0.2.7", null, Moment));
        await AddAsync(new AuditEvent(AuditKinds.SignInFailed, null, "onbekend@example.org", "192.0.2.8", "unknown account", Moment.AddMinutes(1)));

        await using var db = fixture.Database.NewContext();
        var events = await db.AuditEvents.OrderBy(e => e.Id).ToListAsync();

        Assert.Equal([AuditKinds.SignInSucceeded, AuditKinds.SignInFailed], events.Select(e => e.Kind));
        Assert.Equal(userId, events[0].UserId);
        Assert.Equal(Moment, events[0].OccurredAt);
        Assert.Equal("unknown account", events[1].Detail);
        Assert.True(events[1].Id > events[0].Id);
    }

    [Theory]
    [InlineData("""UPDATE "AuditEvents" SET "Detail" = 'nothing happened', "Subject" = 'someone@else.example'""")]
    [InlineData("""DELETE FROM "AuditEvents" """)]
    public async Task Changing_or_removing_an_event_is_refused_by_the_database(string sql)
    {
        var id = await AddAsync(new AuditEvent(AuditKinds.RoleGranted, Guid.NewGuid(), "admin@example.org", "192.0.2.9", "Reviewer", Moment));

        await using var db = fixture.Database.NewContext();
        var error = await Assert.ThrowsAsync<PostgresException>(() => db.Database.ExecuteSqlRawAsync(sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        await using var check = fixture.Database.NewContext();
        var stored = await check.AuditEvents.AsNoTracking().SingleAsync();
        Assert.Equal((id, "admin@example.org", "Reviewer"), (stored.Id, stored.Subject, stored.Detail));
    }

    [Fact]
    public async Task Changing_an_event_through_EF_is_refused_too()
    {
        await AddAsync(new AuditEvent(AuditKinds.SignInFailed, null, "amina@example.org", "192.0.2.7", "wrong password", Moment));

        await using var db = fixture.Database.NewContext();
        var stored = await db.AuditEvents.SingleAsync();
        db.Entry(stored).Property(e => e.Detail).CurrentValue = "signed in";
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.IsType<PostgresException>(error.InnerException);
        await using var check = fixture.Database.NewContext();
        Assert.Equal("wrong password", (await check.AuditEvents.AsNoTracking().SingleAsync()).Detail);
    }

    private async Task<long> AddAsync(AuditEvent auditEvent)
    {
        await using var db = fixture.Database.NewContext();
        db.AuditEvents.Add(auditEvent);
        await db.SaveChangesAsync();
        return auditEvent.Id;
    }
}
