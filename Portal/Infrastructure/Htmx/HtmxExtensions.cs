namespace Portal.Infrastructure.Htmx;

/// <summary>
/// The small in-house helper for htmx request and response headers, named like Htmx.Net's API
/// (that package is not available here).
/// </summary>
public static class HtmxExtensions
{
    public static bool IsHtmx(this HttpRequest request) =>
        request.Headers.TryGetValue("HX-Request", out var value) && value == "true";

    /// <summary>
    /// True only for htmx requests that want a fragment: boosted requests and history restores need the whole page.
    /// </summary>
    public static bool IsHtmxNonBoosted(this HttpRequest request) =>
        request.IsHtmx()
        && !request.Headers.ContainsKey("HX-Boosted")
        && !request.Headers.ContainsKey("HX-History-Restore-Request");

    public static string? HtmxCurrentUrl(this HttpRequest request) =>
        request.Headers.TryGetValue("HX-Current-URL", out var value) ? value.ToString() : null;

    public static void Htmx(this HttpResponse response, Action<HtmxResponseHeaders> configure) =>
        configure(new HtmxResponseHeaders(response.Headers));
}

public sealed class HtmxResponseHeaders(IHeaderDictionary headers)
{
    /// <summary>Makes htmx do a full-page navigation, e.g. to sign-in when the session expired.</summary>
    public HtmxResponseHeaders Redirect(string url) { headers["HX-Redirect"] = url; return this; }
    public HtmxResponseHeaders Refresh() { headers["HX-Refresh"] = "true"; return this; }
    public HtmxResponseHeaders WithTrigger(string eventName) { headers.Append("HX-Trigger", eventName); return this; }
    public HtmxResponseHeaders Retarget(string cssSelector) { headers["HX-Retarget"] = cssSelector; return this; }
    public HtmxResponseHeaders Reswap(string swap) { headers["HX-Reswap"] = swap; return this; }
}
