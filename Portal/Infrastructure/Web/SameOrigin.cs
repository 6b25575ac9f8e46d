namespace Portal.Infrastructure.Web;

/// <summary>Whether a form post comes from one of our own pages, as the browser says: Sec-Fetch-Site, or else Origin.</summary>
public static class SameOrigin
{
    public static bool Is(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site == "same-origin";
        var origin = request.Headers.Origin.ToString();
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            && uri.Scheme == request.Scheme;
    }
}
