using Npgsql;

namespace Portal.Data;

/// <summary>
/// Finds a database connection that could change or remove audit events: a superuser, the owner of "AuditEvents"
/// (or a member of the owner role, who can become it), or a role that was granted UPDATE, DELETE or TRUNCATE on it.
/// The append-only trigger is worth nothing against any of these; outside Development the portal does not start.
/// </summary>
public static class AppConnectionCheck
{
    /// <returns>What is wrong and how to fix it, in plain words; null when the connection cannot rewrite the audit trail.</returns>
    public static async Task<string?> ProblemAsync(string appConnection)
    {
        await using var connection = new NpgsqlConnection(appConnection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT current_user::text,
                   r.rolsuper,
                   a.oid IS NOT NULL AND pg_has_role(current_user, a.relowner, 'MEMBER'),
                   a.oid IS NOT NULL AND (has_table_privilege(a.oid, 'UPDATE') OR has_table_privilege(a.oid, 'DELETE')
                                          OR has_table_privilege(a.oid, 'TRUNCATE'))
            FROM pg_roles r
            LEFT JOIN pg_class a ON a.oid = to_regclass('public."AuditEvents"')
            WHERE r.rolname = current_user
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        var (role, superuser, owner, mayRewrite) = (reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3));

        var problem = superuser ? "is a superuser"
            : owner ? "owns the audit table \"AuditEvents\" (or may act as its owner)"
            : mayRewrite ? "may change, delete or truncate rows of the audit table \"AuditEvents\""
            : null;
        if (problem is null) return null;
        return
            $"The portal's database connection (ConnectionStrings__Portal, role \"{role}\") {problem}, so whoever takes over " +
            "the portal could rewrite the audit trail. Connect the portal as a role with only the rights it needs, and let a " +
            "separate owner role run the migrations: set ConnectionStrings__PortalOwner to the owner and " +
            "ConnectionStrings__Portal to the app role (README, \"External PostgreSQL\": the SQL to create both).";
    }
}
