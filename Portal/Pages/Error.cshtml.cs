using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Infrastructure.Web;

namespace Portal.Pages;

/// <summary>
/// Plain, translated pages for errors (400, 403, 404, 405, 413, 429, 500, 503). Never shows technical details: outside
/// Development the exception handler sends every unhandled error here, with the status it chose (Failures).
/// <para>It is re-executed for the request that failed, whatever its method (a POST, a PUT), so it has no handler per
/// method: it chooses its text before any handler would run.</para>
/// <para>When a form sent from one of our pages failed, it never says "saved". It says plainly that nothing was saved,
/// shows what was typed, and offers to send the same form again (passwords and files excepted).</para>
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    private static readonly int[] Known = [400, 403, 404, 405, 413, 429, 500, 503];
    /// <summary>Failures of a form that was being saved; a 403, 404, 405 or 429 is not about saving.</summary>
    private static readonly int[] NotSavedStatuses = [400, 413, 500, 503];

    public string TitleKey { get; private set; } = "Error.500.Title";
    public string TextKey { get; private set; } = "Error.500.Text";
    /// <summary>The failed request was a form being sent: what it held was not saved.</summary>
    public bool NotSaved { get; private set; }
    /// <summary>The form's fields, to send again as they were (never a password).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Fields { get; private set; } = [];
    /// <summary>What the person typed, shown so it can be copied.</summary>
    public IReadOnlyList<string> Typed { get; private set; } = [];
    /// <summary>Where the form was sent, to send it again; null when that cannot be offered.</summary>
    public string? SendAgainTo { get; private set; }
    public bool FilesLost { get; private set; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        if (!reExecuted && !HttpMethods.IsGet(Request.Method) && !HttpMethods.IsHead(Request.Method))
        {
            // Someone posting to an error page directly: the one rule for every page decides (405, PageMethods).
            await next();
            return;
        }
        var code = reExecuted ? Response.StatusCode
            : int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : (int?)null;
        var shown = code is { } known && Known.Contains(known) ? known : code is >= 400 and < 500 ? 404 : 500;
        TitleKey = $"Error.{shown}.Title";
        TextKey = $"Error.{shown}.Text";
        // Re-executed pages keep the status chosen for them; a direct visit gets the status it describes.
        if (!reExecuted) Response.StatusCode = shown;
        if (reExecuted && NotSavedStatuses.Contains(shown) && HttpMethods.IsPost(Request.Method)) await KeepWhatWasTypedAsync();
        // No handler runs: the page is the same for every method.
        context.Result = Page();
    }

    private async Task KeepWhatWasTypedAsync()
    {
        NotSaved = true;
        FilesLost = Request.ContentType?.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase) == true;
        // Only a form from our own page is shown back: a form another site made a browser send is not ours to display.
        if (FilesLost || !Request.HasFormContentType || !SameOrigin.Is(Request)) return;
        if (await ReadFormAsync() is not { } form) return;

        Fields = [.. form
            .Where(f => !f.Key.Contains("Password", StringComparison.OrdinalIgnoreCase))
            .SelectMany(f => f.Value.Select(v => KeyValuePair.Create(f.Key, Readable(v))))];
        // Bound answers have dotted names (Input.Description, Cost.Amount); hidden fields (ids, versions, the token) do not.
        Typed = [.. Fields.Where(f => f.Key.Contains('.', StringComparison.Ordinal) && f.Value.Trim().Length > 0 && !Guid.TryParse(f.Value, out _))
            .Select(f => f.Value)];
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } status
            ? status.OriginalPathBase + status.OriginalPath + status.OriginalQueryString
            : HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path + Request.QueryString;
        SendAgainTo = Url.IsLocalUrl(original) ? original : null;
    }

    /// <summary>
    /// The form that failed. One the framework refused to read (a NUL character in it) is read from the kept body with
    /// those characters left out, and the page says why it was refused.
    /// </summary>
    private async Task<IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>>?> ReadFormAsync()
    {
        try
        {
            return await Request.ReadFormAsync();
        }
        catch (InvalidDataException) when (Request.Body.CanSeek)
        {
            TextKey = "Error.400.Unreadable";
            Request.Body.Position = 0;
            using var reader = new StreamReader(Request.Body, leaveOpen: true);
            var body = (await reader.ReadToEndAsync()).Replace("%00", "", StringComparison.OrdinalIgnoreCase);
            return QueryHelpers.ParseQuery(body);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return null;
        }
    }

    /// <summary>Characters no keyboard types and no database stores (NUL and other controls) are left out.</summary>
    private static string Readable(string? value) =>
        new((value ?? "").Where(ch => !char.IsControl(ch) || ch is '\n' or '\r' or '\t').ToArray());
}
