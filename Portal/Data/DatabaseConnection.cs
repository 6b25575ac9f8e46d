using Npgsql;

namespace Portal.Data;

/// <summary>How the portal talks to PostgreSQL, unless the connection string says otherwise.</summary>
public static class DatabaseConnection
{
    /// <summary>
    /// Statements the portal sends again and again are prepared once per connection (Npgsql auto-prepare): PostgreSQL
    /// then skips parsing and planning them, which for the page's one query with the application's parts is most of its
    /// cost. Measured with scripts/bench.sh: signed-in pages about 2.5 times the requests per second (docs/performance.md).
    /// A connection string that sets "Max Auto Prepare" itself keeps its own value.
    /// </summary>
    public static string Tuned(string connectionString)
    {
        if (connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)) return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 50, AutoPrepareMinUsages = 2 }.ConnectionString;
    }
}
