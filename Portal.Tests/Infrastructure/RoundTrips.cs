using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Counts the database round trips of each request (issue 9): every command EF sends and every commit, which is a round
/// trip of its own. The count comes back in the response header <see cref="Header"/>, written when the response starts
/// (a Razor page renders into a buffer, so its queries are counted by then). Installed in every <see cref="PortalFactory"/>.
/// <para>It also counts the commands that number rows with a window function (<c>ROW_NUMBER() OVER(…)</c>), in
/// <see cref="WindowHeader"/>: EF writes one for First() on another table inside a projection, and PostgreSQL then numbers
/// every row of that table on each page view — fast with demo data, slow with a city's.</para>
/// </summary>
public sealed class RoundTrips : DbCommandInterceptor, IDbTransactionInterceptor, IStartupFilter
{
    public const string Header = "X-Test-Db-Round-Trips";
    public const string WindowHeader = "X-Test-Db-Window-Queries";

    private sealed class Counts
    {
        public int RoundTrips;
        public int Windows;
    }

    private static readonly AsyncLocal<Counts?> Current = new();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var counts = new Counts();
            Current.Value = counts;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[Header] = Volatile.Read(ref counts.RoundTrips).ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.Headers[WindowHeader] = Volatile.Read(ref counts.Windows).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await nextMiddleware();
        });
        next(app);
    };

    private static void Count(DbCommand? command = null)
    {
        if (Current.Value is not { } counts) return;
        Interlocked.Increment(ref counts.RoundTrips);
        if (command?.CommandText.Contains(" OVER(", StringComparison.OrdinalIgnoreCase) == true) Interlocked.Increment(ref counts.Windows);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Count();
        return result;
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
        InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Count();
        return ValueTask.FromResult(result);
    }
}
