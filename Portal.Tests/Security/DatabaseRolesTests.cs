using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Portal.Data;
using Portal.Domain.Audit;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Security;

/// <summary>
/// Issue 7, point 9: the portal connected as the superuser, so anyone who took it over could TRUNCATE the audit trail or
/// switch off its append-only trigger. Now it connects as an app role that may only add and read audit events; a
/// separate owner role runs the migrations.
/// </summary>
[Collection(Db.Security)]
public sealed class DatabaseRolesTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly DateTimeOffset Moment = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_portal_connects_as_the_app_role_not_as_a_superuser_or_the_owner()
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        var role = await db.Database.SqlQueryRaw<string>("SELECT current_user::text AS \"Value\"").SingleAsync();
        var superuser = await db.Database.SqlQueryRaw<bool>("SELECT rolsuper AS \"Value\" FROM pg_roles WHERE rolname = current_user").SingleAsync();
        var owner = await db.Database.SqlQueryRaw<string>(
            """SELECT pg_get_userbyid(relowner)::text AS "Value" FROM pg_class WHERE oid = 'public."AuditEvents"'::regclass""").SingleAsync();

        Assert.Equal(TestDatabaseRoles.App, role);
        Assert.False(superuser);
        Assert.Equal(TestDatabaseRoles.Owner, owner);
    }

    [Fact]
    public async Task The_app_role_adds_and_reads_audit_events()
    {
        await using (var db = fixture.Database.NewAppContext())
        {
            db.AuditEvents.Add(new AuditEvent(AuditKinds.SignInSucceeded, Guid.NewGuid(), "amina@example.org", "192.0.2.7", null, Moment));
            await db.SaveChangesAsync();
        }

        await using var read = fixture.Database.NewAppContext();
        Assert.Equal("amina@example.org", (await read.AuditEvents.SingleAsync()).Subject);
    }

    [Theory]
    [InlineData("""UPDATE "AuditEvents" SET "Detail" = 'nothing happened'""")]
    [InlineData("""DELETE FROM "AuditEvents" """)]
    [InlineData("""TRUNCATE "AuditEvents" """)]
    [InlineData("""ALTER TABLE "AuditEvents" DISABLE TRIGGER "AuditEvents_append_only" """)]
    [InlineData("""ALTER TABLE "AuditEvents" DISABLE TRIGGER ALL""")]
    [InlineData("""DROP TABLE "AuditEvents" """)]
    [InlineData("""ALTER TABLE "AuditEvents" OWNER TO CURRENT_USER""")]
    [InlineData("""CREATE OR REPLACE FUNCTION audit_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$""")]
    public async Task The_app_role_cannot_change_remove_or_unprotect_audit_events(string sql)
    {
        await fixture.Database.Database.ExecuteAsync($"""
            INSERT INTO "AuditEvents" ("OccurredAt", "Kind", "Subject", "Detail")
            VALUES ('{Moment:O}', '{AuditKinds.RoleGranted}', 'admin@example.org', 'Reviewer')
            """);

        var error = await Assert.ThrowsAsync<PostgresException>(() => AsAppAsync(sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        // Refused by the role's rights already; the append-only trigger is only the second wall.
        Assert.DoesNotContain("append-only", error.MessageText, StringComparison.Ordinal);
        Assert.Equal(("admin@example.org", "Reviewer", 1L), (
            await fixture.Database.Database.ScalarAsync<string>("""SELECT "Subject" FROM "AuditEvents" """),
            await fixture.Database.Database.ScalarAsync<string>("""SELECT "Detail" FROM "AuditEvents" """),
            await fixture.Database.Database.ScalarAsync<long>("""SELECT count(*) FROM pg_trigger WHERE tgname = 'AuditEvents_append_only' AND tgenabled = 'O'""")));
    }

    [Theory]
    [InlineData("CREATE TABLE stolen (secret text)")]
    [InlineData("""DROP TABLE "EmailMessages" """)]
    [InlineData("""ALTER TABLE "AspNetUsers" ADD COLUMN "Backdoor" text""")]
    [InlineData("""TRUNCATE "AspNetUsers" CASCADE""")]
    [InlineData("DELETE FROM schema_migrations")]
    public async Task The_app_role_cannot_change_the_schema_or_the_migration_history(string sql)
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => AsAppAsync(sql));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task A_table_added_by_a_later_migration_is_usable_by_the_app_role_without_a_grant_of_its_own()
    {
        await using var database = await ScratchDatabase.CreateAsync();
        var later = new Migrator.Migration("9999_later", "CREATE TABLE later_things (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text)");

        await database.MigrateAsync([.. Migrator.Embedded(), later]);

        await AsAppAsync(database, """
            INSERT INTO later_things (name) VALUES ('kookavond'), ('voetbaldag');
            UPDATE later_things SET name = 'iftar' WHERE name = 'kookavond';
            DELETE FROM later_things WHERE name = 'voetbaldag';
            """);
        Assert.Equal("iftar", await database.ScalarAsync<string>("SELECT string_agg(name, ',') FROM later_things"));
        var error = await Assert.ThrowsAsync<PostgresException>(() => AsAppAsync(database, "TRUNCATE later_things"));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task Start_up_takes_back_rights_on_the_audit_trail_that_were_granted_by_hand()
    {
        await fixture.Database.Database.ExecuteAsync($"""GRANT ALL ON "AuditEvents" TO {TestDatabaseRoles.App}""");
        try
        {
            await using var portal = new PortalFactory(fixture.Database);
            portal.CreateClient().Dispose();

            var error = await Assert.ThrowsAsync<PostgresException>(() => AsAppAsync(fixture.Database.Database, """TRUNCATE "AuditEvents" """));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        }
        finally
        {
            await fixture.Database.Database.MigrateAsync(); // the test database outlives this test: its grants must be right
        }
    }

    [Theory]
    [InlineData("superuser", "is a superuser")]
    [InlineData("owner", "owns the audit table")]
    [InlineData("granted", "may change, delete or truncate rows of the audit table")]
    public async Task Start_up_outside_Development_refuses_an_app_connection_that_could_rewrite_the_audit_trail(string who, string problem)
    {
        var connection = who switch
        {
            "superuser" => fixture.Database.ConnectionString,
            "owner" => fixture.Database.Database.OwnerConnectionString,
            _ => fixture.Database.AppConnectionString,
        };
        if (who == "granted") await fixture.Database.Database.ExecuteAsync($"""GRANT TRUNCATE ON "AuditEvents" TO {TestDatabaseRoles.App}""");
        try
        {
            // Without migrating at start-up, which would take the granted right back.
            await using var portal = new PortalFactory(fixture.Database, settings: new Dictionary<string, string?>
            {
                ["ConnectionStrings:Portal"] = connection, ["Database:MigrateOnStartup"] = "false",
            });

            var error = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());

            Assert.Contains(problem, error.Message, StringComparison.Ordinal);
            Assert.Contains("ConnectionStrings__PortalOwner", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            if (who == "granted") await fixture.Database.Database.MigrateAsync();
        }
    }

    [Fact]
    public async Task Start_up_with_only_an_app_connection_that_may_not_migrate_says_which_setting_is_missing()
    {
        await using var portal = new PortalFactory(fixture.Database, settings: new Dictionary<string, string?> { ["ConnectionStrings:PortalOwner"] = null });

        var error = Assert.Throws<InvalidOperationException>(() => portal.CreateClient());

        Assert.Contains("ConnectionStrings__PortalOwner", error.Message, StringComparison.Ordinal);
        Assert.Contains("Database__MigrateOnStartup=false", error.Message, StringComparison.Ordinal);
    }

    private Task AsAppAsync(string sql) => AsAppAsync(fixture.Database.Database, sql);

    private static async Task AsAppAsync(ScratchDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.AppConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
