using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Portal.Data;

/// <summary>
/// Applies the forward-only SQL files of migrations/ (embedded in this assembly) in name order:
/// one transaction per file, a history table with SHA-256 checksums, and a PostgreSQL advisory lock
/// so that two nodes starting at the same moment apply each file exactly once.
/// Runs as the role that owns the schema; with <paramref name="appRole"/> it then gives the role the running portal
/// connects with exactly its rights (<see cref="AppRoleGrants"/>), under the same lock.
/// </summary>
public sealed class Migrator(string connectionString, ILogger<Migrator>? logger = null, string? appRole = null)
{
    // An arbitrary constant that names "the Portal schema" among advisory locks.
    private const long AdvisoryLockKey = 7_461_302_519_001;
    private const string ResourcePrefix = "migrations/";

    public sealed record Migration(string Name, string Sql)
    {
        // Computed on read, not stored: a copy made with `with { Sql = ... }` must not keep the old checksum.
        public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));
    }

    public static IReadOnlyList<Migration> Embedded()
    {
        var assembly = typeof(Migrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new Migration(n[ResourcePrefix.Length..^4], Read(assembly, n)))
            .ToList();
    }

    public Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken = default) =>
        MigrateAsync(Embedded(), cancellationToken);

    /// <returns>The names of the migrations applied by this call.</returns>
    public async Task<IReadOnlyList<string>> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await Execute(connection, null, "SELECT pg_advisory_lock(@key)", cancellationToken, ("key", AdvisoryLockKey));
        try
        {
            await Execute(connection, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    name text PRIMARY KEY,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, cancellationToken);
            var applied = await AppliedChecksums(connection, cancellationToken);
            var done = new List<string>();
            foreach (var migration in migrations)
            {
                if (applied.TryGetValue(migration.Name, out var checksum))
                {
                    if (checksum != migration.Checksum)
                        throw new MigrationChangedException(migration.Name);
                    continue;
                }
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await Execute(connection, transaction, migration.Sql, cancellationToken);
                await Execute(connection, transaction, "INSERT INTO schema_migrations (name, checksum) VALUES (@name, @checksum)",
                    cancellationToken, ("name", migration.Name), ("checksum", migration.Checksum));
                await transaction.CommitAsync(cancellationToken);
                logger?.LogInformation("Applied migration {Migration}", migration.Name);
                done.Add(migration.Name);
            }
            // Every run, not only after a new migration: rights changed by hand since are set straight again.
            if (appRole is not null) await AppRoleGrants.ApplyAsync(connection, appRole, cancellationToken);
            return done;
        }
        finally
        {
            await Execute(connection, null, "SELECT pg_advisory_unlock(@key)", CancellationToken.None, ("key", AdvisoryLockKey));
        }
    }

    private static async Task<Dictionary<string, string>> AppliedChecksums(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT name, checksum FROM schema_migrations", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken)) result[reader.GetString(0)] = reader.GetString(1);
        return result;
    }

    private static async Task Execute(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql,
        CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }
}

public sealed class MigrationChangedException(string name) : Exception(
    $"Migration '{name}' was changed after it was applied to this database (its checksum differs). " +
    "Applied migrations are never edited: restore the file and add a new numbered migration with the change.")
{
    public string MigrationName { get; } = name;
}
