using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Portal.Pages;

/// <summary>
/// Plain, translated pages for errors (404, 403, 429, 500). Never shows technical details: outside Development
/// the exception handler sends every unhandled error here.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class ErrorModel : PageModel
{
    private static readonly int[] Known = [400, 403, 404, 413, 429, 500];

    public string TitleKey { get; private set; } = "Error.500.Title";
    public string TextKey { get; private set; } = "Error.500.Text";

    public void OnGet(int? code) => Show(code);
    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        var shown = code is { } c && Known.Contains(c) ? c : code is >= 400 and < 500 ? 404 : 500;
        TitleKey = $"Error.{shown}.Title";
        TextKey = $"Error.{shown}.Text";
        // Re-executed status code pages keep the original status; a direct visit gets the status it describes.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null)
            Response.StatusCode = shown;
    }
}
