namespace Portal.Infrastructure.Web;

/// <summary>
/// The one address the portal is reached at (<c>Portal__PublicUrl</c>). Every link in every email is built from it,
/// never from the request's Host header: a request sent with <c>Host: evil.example</c> must not mail a victim a
/// sign-in token pointing at the attacker's server.
/// </summary>
public sealed class PublicUrl
{
    public const string Setting = "Portal:PublicUrl";
    /// <summary>Where <c>make run</c> serves the site; used only in Development when nothing is configured.</summary>
    public const string DevelopmentDefault = "http://localhost:5080";

    private PublicUrl(Uri root) => Root = root;

    /// <summary>Scheme, host, port and an optional base path, always ending in "/".</summary>
    public Uri Root { get; }

    public string Host => Root.Host;

    /// <summary>The absolute address of a path on this site ("/account/link?token=…").</summary>
    public string For(string pathAndQuery) => Root.GetLeftPart(UriPartial.Authority) + Root.AbsolutePath.TrimEnd('/') + pathAndQuery;

    /// <summary>
    /// Reads the setting. Outside Development it is required: start-up stops with a plain message instead of guessing
    /// an address from whoever happens to send the first request.
    /// </summary>
    public static PublicUrl From(IConfiguration configuration, IHostEnvironment environment, bool required = true)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required && !environment.IsDevelopment())
                throw new InvalidOperationException(
                    "Portal__PublicUrl is not set. Set it to the address people use to reach the portal, e.g. " +
                    "Portal__PublicUrl=https://subsidie.nijmegen.nl — every link in every email is built from it.");
            value = DevelopmentDefault;
        }
        if (!Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            throw new InvalidOperationException(
                $"Portal__PublicUrl '{value}' is not an http(s) address without query, e.g. https://subsidie.nijmegen.nl");
        return new PublicUrl(new Uri(uri.GetLeftPart(UriPartial.Path).TrimEnd('/') + "/"));
    }
}
