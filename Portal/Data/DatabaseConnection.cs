using Npgsql;

namespace Portal.Data;

/// <summary>How the portal talks to PostgreSQL, unless the connection string says otherwise.</summary>
public static class DatabaseConnection
{
    /// <summary>
    /// Statements the portal sends again and again are prepared once per connection (Npgsql auto-prepare): PostgreSQL
    /// then skips parsing and planning them, which for the page's one query with the application's parts is most of its
    /// cost. Measured with scripts/bench.sh: signed-in pages about 2.5 times the requests per second (docs/performance.md).
    /// <para>A connection given back to the pool is not reset: the reset is seven statements (RESET ALL, DISCARD …) sent
    /// before every request's query, and the portal keeps no session state on its connections — no SET, LISTEN,
    /// temporary table or session advisory lock (the migrator's lock is on its own owner connection, not pooled with
    /// these). Whoever adds such state must take it back in the same request, or turn the reset on again.</para>
    /// A connection string that sets "Max Auto Prepare" or "No Reset On Close" itself keeps its own value.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(connectionString, "Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 50;
            builder.AutoPrepareMinUsages = 2;
        }
        if (!Sets(connectionString, "No Reset On Close")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }

    private static bool Sets(string connectionString, string keyword) =>
        connectionString.Contains(keyword, StringComparison.OrdinalIgnoreCase);
}
