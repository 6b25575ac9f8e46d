using System.Net.Sockets;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Npgsql;

namespace Portal.Infrastructure.Web;

/// <summary>
/// What went wrong, as a status the error page can explain honestly: the database being away is 503 ("try again in a
/// few minutes"), a request the server cannot read is 400 or 413, anything else is our fault (500). None of them
/// claims that something was saved.
/// </summary>
public static class Failures
{
    private const string DatabaseUnavailableKey = "Portal.DatabaseUnavailable";

    public static int StatusFor(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case BadHttpRequestException bad:
                    return bad.StatusCode;
                // A form the framework cannot read: a NUL character in it (%00), or multipart parts beyond the limits.
                case InvalidDataException invalid:
                    return invalid.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                        ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest;
                // Text PostgreSQL cannot store (a NUL character, broken UTF-8): the request is at fault, not the server.
                case PostgresException { SqlState: PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter }:
                    return StatusCodes.Status400BadRequest;
            }
        }
        return IsDatabaseUnavailable(exception) ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status500InternalServerError;
    }

    /// <summary>The database could not be reached or went away (not a refused statement).</summary>
    public static bool IsDatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
                return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) // connection exceptions
                    || postgres.SqlState.StartsWith("57P", StringComparison.Ordinal) // shut down, cannot connect now
                    || postgres.SqlState is PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.InvalidCatalogName;
            if (e is NpgsqlException { IsTransient: true } or SocketException) return true;
        }
        return false;
    }

    /// <summary>
    /// Small plain forms are kept in memory while the request runs, so that when it fails the error page can give back
    /// what was typed — even a form the framework refuses to read (one with a NUL character in it).
    /// </summary>
    public static IApplicationBuilder UseReplayableForms(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (HttpMethods.IsPost(request.Method) && request.ContentLength is > 0 and <= ReplayableFormBytes
            && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            request.EnableBuffering();
        await next();
    });

    /// <summary>
    /// A post whose announced size is over the page's limit is answered 413 at once, before anything reads it. Otherwise
    /// the antiforgery check, which reads the form first, fails on it and the person hears "this form no longer works"
    /// instead of "this is too large".
    /// </summary>
    public static IApplicationBuilder UseTooLargeAnswer(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        // Not when the error page is shown for this very request: it reads nothing of the body.
        if (context.Request.ContentLength > limit && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        await next();
    });

    /// <summary>The largest form kept for the error page: twice the largest real form, like the kept forms.</summary>
    public const long ReplayableFormBytes = 64 * 1024;

    /// <summary>Notes that this request met an unavailable database where it could not throw (the sign-in cookie check).</summary>
    public static void MarkDatabaseUnavailable(HttpContext context) => context.Items[DatabaseUnavailableKey] = true;

    /// <summary>
    /// Answers 503 (and stops) when the sign-in check could not reach the database: the request would fail anyway, and
    /// without this it would be treated as signed out and sent to sign in.
    /// </summary>
    public static IApplicationBuilder UseDatabaseUnavailablePage(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Items.Remove(DatabaseUnavailableKey))
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "60";
            return;
        }
        await next();
    });
}
