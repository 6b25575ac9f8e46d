using Npgsql;

namespace Portal.Data;

/// <summary>
/// The rights of the role the running portal connects with (the "app role"), granted by the owner of the schema after
/// every migration run. The app role may read and write the data it works with, but may only add to and read the audit
/// trail: no UPDATE, DELETE or TRUNCATE there, and since it owns nothing it can neither disable the append-only trigger
/// nor drop or alter a table. Whoever takes over the running portal gets no more than this.
/// </summary>
public static class AppRoleGrants
{
    /// <summary>
    /// Sets the app role's rights to exactly this list, whatever was granted before (REVOKE ALL, then GRANT, in one
    /// transaction, so the running portal never sees a moment without rights). Grants go to ALL TABLES each time, so a
    /// table added by a later migration is covered without anyone remembering to grant it.
    /// </summary>
    public static async Task ApplyAsync(NpgsqlConnection owner, string appRole, CancellationToken cancellationToken = default)
    {
        if (await IsCurrentUserAsync(owner, appRole, cancellationToken))
            return; // One role for everything (a legacy set-up): nothing to grant; start-up outside Development refuses it.

        var role = QuoteIdentifier(appRole);
        var sql = $"""
            GRANT USAGE ON SCHEMA public TO {role};
            REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
            REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {role};
            -- nextval (reference numbers) needs USAGE; setval (UPDATE) is not needed.
            GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
            -- The migration history is the owner's business alone.
            REVOKE ALL ON public.schema_migrations FROM {role};
            """;
        if (await TableExistsAsync(owner, "AuditEvents", cancellationToken))
            sql += $"""REVOKE UPDATE, DELETE ON public."AuditEvents" FROM {role};""";
        // Functions need no grant: PostgreSQL gives EXECUTE to PUBLIC, and the only functions are triggers' (the audit trail is
        // append-only; a state change needs its audit row).

        await using var transaction = await owner.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(sql, owner, transaction))
            await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>A role name as an SQL identifier: quoted, because role names keep their case.</summary>
    public static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<bool> IsCurrentUserAsync(NpgsqlConnection connection, string role, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT current_user = @role", connection);
        command.Parameters.AddWithValue("role", role);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<bool> TableExistsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass(quote_ident('public') || '.' || quote_ident(@table)) IS NOT NULL", connection);
        command.Parameters.AddWithValue("table", table);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
