using Npgsql;

namespace Portal.Data;

/// <summary>
/// Two database roles (README, "External PostgreSQL"): the owner of the schema runs the migrations
/// (<c>ConnectionStrings:PortalOwner</c>), the app role is what the running portal uses for everything else
/// (<c>ConnectionStrings:Portal</c>). Only the app role's password sits in a running portal, so taking over the portal
/// does not give the power to rewrite the audit trail (TRUNCATE, DISABLE TRIGGER and UPDATE/DELETE need more).
/// </summary>
public static class DatabaseRoles
{
    public const string AppConnectionName = "Portal";
    public const string OwnerConnectionName = "PortalOwner";

    /// <summary>
    /// Migrates (when <c>Database:MigrateOnStartup</c>, default true) as the owner, grants the app role its rights, and
    /// outside Development refuses to start when the app connection could change the audit trail (in Development it warns).
    /// Without an owner connection the app connection migrates (one role for everything, as before).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var configuration = app.Configuration;
        var appConnection = configuration.GetConnectionString(AppConnectionName)
            ?? throw new InvalidOperationException("Set ConnectionStrings__Portal (make run sets it for the local database).");
        var ownerConnection = configuration.GetConnectionString(OwnerConnectionName);
        if (string.IsNullOrWhiteSpace(ownerConnection)) ownerConnection = null;

        if (configuration.GetValue("Database:MigrateOnStartup", true))
        {
            var migrator = new Migrator(ownerConnection ?? appConnection, app.Services.GetRequiredService<ILogger<Migrator>>(),
                await RoleOfAsync(appConnection));
            try
            {
                await migrator.MigrateAsync();
            }
            catch (PostgresException e) when (ownerConnection is null && e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                throw new InvalidOperationException(
                    "The portal's database role (ConnectionStrings__Portal) may not change the schema, so it cannot run the " +
                    "migrations. Set ConnectionStrings__PortalOwner to the role that owns the schema (README, \"External " +
                    "PostgreSQL\"), or run the migrations elsewhere and set Database__MigrateOnStartup=false.", e);
            }
        }

        if (await AppConnectionCheck.ProblemAsync(appConnection) is not { } problem) return;
        if (!app.Environment.IsDevelopment()) throw new InvalidOperationException(problem);
        app.Logger.LogWarning("{Problem}", problem); // Development: e.g. a local set-up from before the two roles
    }

    /// <summary>The role a connection string logs in as: its Username, or (when it has none) what the server says.</summary>
    private static async Task<string> RoleOfAsync(string connectionString)
    {
        if (new NpgsqlConnectionStringBuilder(connectionString).Username is { Length: > 0 } username) return username;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_user", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
