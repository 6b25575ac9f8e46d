using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Audit;
using Portal.Domain.Email;

namespace Portal.Tests.Infrastructure;

/// <summary>The reset between tests: nothing of an earlier test remains, the reference data of the migrations does.</summary>
[Collection(Db.Security)]
public sealed class TestDatabaseTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reset_empties_every_table_but_keeps_the_roles_and_the_migration_history()
    {
        await using (var db = fixture.Database.NewContext())
        {
            var user = new PortalUser { UserName = "amina@example.org", Email = "amina@example.org", CreatedAt = DateTimeOffset.UtcNow };
            db.Users.Add(user);
            db.UserRoles.Add(new() { UserId = user.Id, RoleId = (await db.Roles.FirstAsync()).Id });
            db.AuditEvents.Add(new AuditEvent(AuditKinds.Registered, user.Id, user.Email, null, null, DateTimeOffset.UtcNow));
            db.EmailMessages.Add(new EmailMessage("amina@example.org", "Welkom", "Tekst", null, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        await fixture.Database.ResetAsync();

        await using var check = fixture.Database.NewContext();
        Assert.Equal(0, await check.Users.CountAsync());
        Assert.Equal(0, await check.UserRoles.CountAsync());
        Assert.Equal(0, await check.AuditEvents.CountAsync());
        Assert.Equal(0, await check.EmailMessages.CountAsync());
        Assert.Equal(["Admin", "Applicant", "Approver", "Coach", "Reviewer"], await check.Roles.Select(r => r.Name!).OrderBy(n => n).ToListAsync());
        Assert.Equal(Migrator.Embedded().Count, await fixture.Database.Database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
        // Identities restart, so ids do not depend on which tests ran before.
        var again = new AuditEvent(AuditKinds.Registered, null, null, null, null, DateTimeOffset.UtcNow);
        check.AuditEvents.Add(again);
        await check.SaveChangesAsync();
        Assert.Equal(1, again.Id);
    }
}
