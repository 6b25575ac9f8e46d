using Microsoft.EntityFrameworkCore;
using Npgsql;
using Portal.Data;
using Respawn;
using Respawn.Graph;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: <c>PORTAL_TEST_PG</c> (a connection string without a database, exported by the
/// test command), or the development server when it is absent.
/// </summary>
public static class TestServer
{
    private const string Fallback = "Host=127.0.0.1;Port=55439;Username=postgres";

    public static string ConnectionString { get; } =
        Environment.GetEnvironmentVariable("PORTAL_TEST_PG") is { Length: > 0 } cs ? cs : Fallback;

    /// <summary>The connection string for <paramref name="database"/> on the test server.</summary>
    public static string For(string database) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = database, IncludeErrorDetail = true }.ConnectionString;
}

/// <summary>
/// An empty database with a unique name on the test server, owned by the owner role of production
/// (<see cref="TestDatabaseRoles"/>), dropped (WITH FORCE) when disposed. Migration tests use these as scratch databases.
/// </summary>
public sealed class ScratchDatabase : IAsyncDisposable
{
    private ScratchDatabase(string name)
    {
        Name = name;
        ConnectionString = TestServer.For(name);
        OwnerConnectionString = TestDatabaseRoles.As(ConnectionString, TestDatabaseRoles.Owner);
        AppConnectionString = TestDatabaseRoles.As(ConnectionString, TestDatabaseRoles.App);
    }

    public string Name { get; }

    /// <summary>As the superuser: for what a test sets up, looks at or breaks on purpose (never what the portal does).</summary>
    public string ConnectionString { get; }

    /// <summary>As the owner of the schema: what the migrator uses (ConnectionStrings:PortalOwner).</summary>
    public string OwnerConnectionString { get; }

    /// <summary>As the app role: what the portal under test uses (ConnectionStrings:Portal).</summary>
    public string AppConnectionString { get; }

    public static async Task<ScratchDatabase> CreateAsync(string prefix = "portal_scratch")
    {
        var database = new ScratchDatabase($"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 9)]);
        await TestDatabaseRoles.CreateDatabaseAsync(TestServer.ConnectionString, database.Name);
        return database;
    }

    /// <summary>Migrates as the owner and grants the app role its rights, as the portal does at start-up.</summary>
    public Task<IReadOnlyList<string>> MigrateAsync(IReadOnlyList<Migrator.Migration>? migrations = null) =>
        new Migrator(OwnerConnectionString, appRole: TestDatabaseRoles.App).MigrateAsync(migrations ?? Migrator.Embedded());

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>A context as the superuser (test-side setup and checks).</summary>
    public PortalDbContext NewContext() => NewContext(ConnectionString);

    /// <summary>A context as the app role: exactly what the running portal may do.</summary>
    public PortalDbContext NewAppContext() => NewContext(AppConnectionString);

    private static PortalDbContext NewContext(string connectionString) =>
        new(new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql(connectionString).Options);

    public async ValueTask DisposeAsync()
    {
        // Pooled connections to a dropped database would only fail later; close them now.
        foreach (var connectionString in new[] { ConnectionString, OwnerConnectionString, AppConnectionString })
            NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        await using var connection = new NpgsqlConnection(TestServer.For("postgres"));
        await connection.OpenAsync();
        // A drop waits for the server to end the database's backends and to checkpoint; on a loaded 2-core machine that
        // can take longer than the default 30 seconds, and a slow drop is no failure of the test that used the database.
        await using var command = new NpgsqlCommand($"""DROP DATABASE IF EXISTS "{Name}" WITH (FORCE)""", connection) { CommandTimeout = 180 };
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>
/// The database of one test collection (<c>portal_test_&lt;8 hex&gt;</c>; each collection has its own, so collections run in
/// parallel), built by the real migrator (as the owner role, with the app role's grants) and dropped at the end.
/// <see cref="ResetAsync"/> empties it between tests with Respawn, keeping <see cref="KeptTables"/>.
/// </summary>
public sealed class TestDatabase : IAsyncLifetime
{
    /// <summary>
    /// What a reset keeps: the history of applied migrations (or the portal would migrate again) and the reference data
    /// the migrations insert (the five roles of 0002_roles), which no test changes.
    /// </summary>
    public static readonly IReadOnlyList<string> KeptTables = ["schema_migrations", "AspNetRoles"];

    private ScratchDatabase? database;
    private Respawner? respawner;

    public string ConnectionString => Database.ConnectionString;

    public string AppConnectionString => Database.AppConnectionString;

    public ScratchDatabase Database => database ?? throw new InvalidOperationException("The test database is not created yet.");

    public PortalDbContext NewContext() => Database.NewContext();

    public PortalDbContext NewAppContext() => Database.NewAppContext();

    public async Task InitializeAsync()
    {
        database = await ScratchDatabase.CreateAsync("portal_test");
        await database.MigrateAsync();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await RefuseUnkeptReferenceDataAsync(connection);
        // As the superuser: Respawn truncates and restarts identities (ids do not depend on which tests ran before).
        respawner = await Respawner.CreateAsync(connection, new RespawnerOptions
        {
            DbAdapter = DbAdapter.Postgres,
            SchemasToInclude = ["public"],
            TablesToIgnore = [.. KeptTables.Select(t => new Table(t))],
            WithReseed = true,
        });
    }

    /// <summary>
    /// Empties every table but <see cref="KeptTables"/>. The portal's background workers of the collection keep polling
    /// (the outbox, the dispatch of decisions) and can take their share locks in another order than TRUNCATE takes its
    /// exclusive ones: PostgreSQL then breaks the deadlock by failing one side, and the reset tries again.
    /// </summary>
    public async Task ResetAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            try
            {
                await respawner!.ResetAsync(connection);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DeadlockDetected && attempt < 5)
            {
                await Task.Delay(50 * attempt);
            }
        }
    }

    /// <summary>Creates another empty database that the caller disposes (drops).</summary>
    public static Task<ScratchDatabase> CreateScratchAsync() => ScratchDatabase.CreateAsync();

    public async Task DisposeAsync()
    {
        if (database is not null) await database.DisposeAsync();
    }

    /// <summary>
    /// A later migration that inserts reference data into another table would have it wiped by the first reset, and the
    /// tests would then run on a database production never has: say so at once instead.
    /// </summary>
    private static async Task RefuseUnkeptReferenceDataAsync(NpgsqlConnection connection)
    {
        var tables = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }

        foreach (var table in tables.Except(KeptTables))
        {
            await using var command = new NpgsqlCommand($"""SELECT EXISTS (SELECT 1 FROM public."{table}")""", connection);
            if ((bool)(await command.ExecuteScalarAsync())!)
                throw new InvalidOperationException(
                    $"A migration inserts rows into \"{table}\": add it to TestDatabase.KeptTables if it is reference data no test changes.");
        }
    }
}
