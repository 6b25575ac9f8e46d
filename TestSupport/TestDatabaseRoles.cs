// Shared by Portal.Tests and Portal.E2E (linked into both projects).
using System.Collections.Concurrent;
using Npgsql;

namespace Portal.TestSupport;

/// <summary>
/// The two database roles of production on the test server (README, "External PostgreSQL"): test databases are owned
/// by <see cref="Owner"/>, which runs the migrations, and the portal under test connects as <see cref="App"/>.
/// Test-side setup and reset keep using the superuser of the server's connection string.
/// </summary>
public static class TestDatabaseRoles
{
    public const string Owner = "portal_owner";
    public const string App = "portal_app";

    private static readonly ConcurrentDictionary<string, Task> Created = new();

    /// <summary>Creates both roles once per test run and server (they are cluster-wide; an existing one is kept).</summary>
    public static Task EnsureAsync(string serverConnectionString) => Created.GetOrAdd(serverConnectionString, CreateAsync);

    /// <summary>Creates a database owned by <see cref="Owner"/>, as the superuser of <paramref name="serverConnectionString"/>.</summary>
    public static async Task CreateDatabaseAsync(string serverConnectionString, string database)
    {
        await EnsureAsync(serverConnectionString);
        await ExecuteAsync(serverConnectionString,
            $"""CREATE DATABASE "{database}" OWNER {Owner} ENCODING 'UTF8' TEMPLATE template0""");
    }

    /// <summary>The same server and database, logged in as <paramref name="role"/> (trust authentication on the test server).</summary>
    public static string As(string connectionString, string role) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Username = role, Password = null }.ConnectionString;

    private static Task CreateAsync(string serverConnectionString) =>
        // Parallel test collections (and other test processes on the same server) may create them at the same moment:
        // whoever loses the race finds the role there (duplicate_object) or loses on the catalogue's index (unique_violation).
        ExecuteAsync(serverConnectionString, $"""
            DO $$
            BEGIN
                BEGIN
                    CREATE ROLE {Owner} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END;
                BEGIN
                    CREATE ROLE {App} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
                EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                END;
            END
            $$
            """);

    private static async Task ExecuteAsync(string serverConnectionString, string sql)
    {
        var builder = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
