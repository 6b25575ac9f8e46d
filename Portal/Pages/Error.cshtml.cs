using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages;

/// <summary>
/// Plain, translated pages for errors (400, 403, 404, 405, 413, 429, 500). Never shows technical details: outside
/// Development the exception handler sends every unhandled error here.
/// <para>It is re-executed for the request that failed, whatever its method (a POST, a PUT), so it has no handler per
/// method: it chooses its text before any handler would run.</para>
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    private static readonly int[] Known = [400, 403, 404, 405, 413, 429, 500];

    public string TitleKey { get; private set; } = "Error.500.Title";
    public string TextKey { get; private set; } = "Error.500.Text";

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var code = int.TryParse(RouteData.Values["code"] as string, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : (int?)null;
        var shown = code is { } known && Known.Contains(known) ? known : code is >= 400 and < 500 ? 404 : 500;
        TitleKey = $"Error.{shown}.Title";
        TextKey = $"Error.{shown}.Text";
        // Re-executed status code pages keep the original status; a direct visit gets the status it describes.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            Response.StatusCode = shown;
    }
}
