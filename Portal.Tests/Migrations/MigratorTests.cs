using Npgsql;
using Portal.Data;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Migrations;

/// <summary>The migrator of start-up, on fresh scratch databases: each file once, in one transaction, never edited.</summary>
public sealed class MigratorTests
{
    private static readonly IReadOnlyList<Migrator.Migration> Embedded = Migrator.Embedded();

    [Fact]
    public void The_migrations_of_the_repository_are_embedded_in_order()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryRoot(), "migrations"), "*.sql")
            .Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(files, Embedded.Select(m => m.Name));
        Assert.All(Embedded, m => Assert.Matches(@"^\d{4}_[a-z0-9_]+$", m.Name));
    }

    [Fact]
    public async Task Migrating_twice_applies_nothing_the_second_time()
    {
        await using var database = await ScratchDatabase.CreateAsync();

        var first = await new Migrator(database.OwnerConnectionString).MigrateAsync();
        var second = await new Migrator(database.OwnerConnectionString).MigrateAsync();

        Assert.Equal(Embedded.Select(m => m.Name), first);
        Assert.Empty(second);
        Assert.Equal(Embedded.Count, await database.ScalarAsync<long>("SELECT count(*) FROM schema_migrations"));
    }

    [Fact]
    public async Task Edited_applied_migration_is_refused_with_a_clear_message()
    {
        await using var database = await ScratchDatabase.CreateAsync();
        await new Migrator(database.OwnerConnectionString).MigrateAsync();
        var edited = Embedded.Select((m, i) => i == 0 ? m with { Sql = m.Sql + "\nCREATE TABLE sneaky (id int);" } : m).ToList();
        var later = new Migrator.Migration("9999_later", "CREATE TABLE later (id int);");

        var error = await Assert.ThrowsAsync<MigrationChangedException>(
            () => new Migrator(database.OwnerConnectionString).MigrateAsync([.. edited, later]));

        Assert.Equal(Embedded[0].Name, error.MigrationName);
        Assert.Contains($"'{Embedded[0].Name}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("changed", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("new numbered migration", error.Message, StringComparison.Ordinal);
        Assert.False(await TableExistsAsync(database, "sneaky"));
        Assert.False(await TableExistsAsync(database, "later"));
        // The lock is released: the unedited migrations still run (and find nothing to do).
        Assert.Empty(await new Migrator(database.OwnerConnectionString).MigrateAsync());
    }

    [Fact]
    public async Task Two_nodes_starting_together_apply_each_migration_exactly_once()
    {
        await using var database = await ScratchDatabase.CreateAsync();
        // Hold the migrators' advisory lock so that both nodes are surely waiting at the same moment, then let go.
        await using var holder = new NpgsqlConnection(database.ConnectionString);
        await holder.OpenAsync();
        await ExecuteAsync(holder, $"SELECT pg_advisory_lock({AdvisoryLockKey()})");

        var nodes = Enumerable.Range(0, 2)
            .Select(_ => Task.Run(() => new Migrator(database.OwnerConnectionString).MigrateAsync()))
            .ToList();
        await WaitUntilAsync(async () => await database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())") == 2);
        await ExecuteAsync(holder, $"SELECT pg_advisory_unlock({AdvisoryLockKey()})");
        var applied = await Task.WhenAll(nodes);

        foreach (var migration in Embedded)
        {
            Assert.Single(applied, byNode => byNode.Contains(migration.Name));
            Assert.Equal(1, await database.ScalarAsync<long>(
                $"SELECT count(*) FROM schema_migrations WHERE name = '{migration.Name}'"));
        }
        Assert.Equal(5, await database.ScalarAsync<long>("""SELECT count(*) FROM "AspNetRoles" """));
    }

    [Fact]
    public async Task Failing_migration_leaves_no_partial_changes_and_is_not_recorded()
    {
        await using var database = await ScratchDatabase.CreateAsync();
        var broken = new Migrator.Migration("9998_broken", """
            CREATE TABLE half_done (id int);
            ALTER TABLE "AspNetUsers" ADD COLUMN "Nickname" text;
            INSERT INTO no_such_table VALUES (1);
            """);
        var after = new Migrator.Migration("9999_after", "CREATE TABLE after_broken (id int);");

        var error = await Assert.ThrowsAsync<PostgresException>(
            () => new Migrator(database.OwnerConnectionString).MigrateAsync([.. Embedded, broken, after]));

        Assert.Equal(PostgresErrorCodes.UndefinedTable, error.SqlState);
        Assert.False(await TableExistsAsync(database, "half_done"));
        Assert.False(await TableExistsAsync(database, "after_broken"));
        Assert.Equal(0, await database.ScalarAsync<long>(
            """SELECT count(*) FROM information_schema.columns WHERE table_name = 'AspNetUsers' AND column_name = 'Nickname'"""));
        Assert.Equal(Embedded.Select(m => m.Name),
            await ListAsync(database, "SELECT name FROM schema_migrations ORDER BY name"));
        // Fixed, it applies on the next start (the advisory lock was released).
        var fixedBroken = broken with { Sql = "CREATE TABLE half_done (id int);" };
        Assert.Equal(["9998_broken", "9999_after"], await new Migrator(database.OwnerConnectionString).MigrateAsync([.. Embedded, fixedBroken, after]));
    }

    private static long AdvisoryLockKey() =>
        (long)(typeof(Migrator).GetField("AdvisoryLockKey", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)
            ?.GetRawConstantValue() ?? throw new InvalidOperationException("Migrator.AdvisoryLockKey was renamed; update this test."));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Both migrators never waited for the advisory lock.");
            await Task.Delay(10);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<bool> TableExistsAsync(ScratchDatabase database, string table) =>
        await database.ScalarAsync<bool>($"SELECT to_regclass('public.{table}') IS NOT NULL");

    private static async Task<List<string>> ListAsync(ScratchDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var result = new List<string>();
        while (await reader.ReadAsync()) result.Add(reader.GetString(0));
        return result;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Portal.sln not found above the test output.");
    }
}
