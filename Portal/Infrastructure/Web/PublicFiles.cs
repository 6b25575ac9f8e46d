using System.Text;
using System.Xml.Linq;
using Portal.Data;
using Portal.Pages.Schemes;

namespace Portal.Infrastructure.Web;

/// <summary>
/// What search engines and browsers ask for on their own: /robots.txt and /sitemap.xml (favicon.ico and favicon.svg are
/// static files). Both are anonymous, and every address in them is built from the configured public URL, never from
/// the request's Host header: a request with <c>Host: evil.example</c> must not make the portal advertise that host.
/// </summary>
public static class PublicFiles
{
    /// <summary>
    /// The public pages besides the schemes, by page name (their addresses come from their @page routes). A page that
    /// does not exist (yet) is left out of the sitemap rather than listed as a dead link.
    /// </summary>
    public static readonly IReadOnlyList<string> PublicPages = ["/Index", "/Schemes/Index", "/Help", "/Privacy", "/Accessibility"];

    /// <summary>Signed-in areas and forms: nothing there for a search engine. Path prefixes, not page links.</summary>
    public static readonly IReadOnlyList<string> Disallowed = ["/account/", "/applications", "/organisation", "/staff", "/language", "/error/"];

    /// <summary>Unversioned static files may change with a release; an hour is short enough.</summary>
    public const string ShortCache = "public,max-age=3600";
    /// <summary>A file asked for with its content hash (asp-append-version's ?v=) never changes under that address.</summary>
    public const string ImmutableCache = "public,max-age=31536000,immutable";

    public static void MapPublicFiles(this IEndpointRouteBuilder app)
    {
        app.MapGet("/robots.txt", (PublicUrl publicUrl, HttpContext context) =>
        {
            context.Response.Headers.CacheControl = ShortCache;
            return Results.Text(Robots(publicUrl), "text/plain; charset=utf-8", Encoding.UTF8);
        }).AllowAnonymous();

        app.MapGet("/sitemap.xml", async (PublicUrl publicUrl, PortalDbContext db, TimeProvider clock, LinkGenerator links,
            HttpContext context) =>
        {
            // Without the HttpContext: no PathBase of the request, the public URL carries the base path.
            var schemes = (await SchemeCatalogue.OpenAsync(db, clock))
                .Select(s => links.GetPathByPage("/Schemes/Details", handler: null, values: new { slug = s.Slug }));
            var pages = PublicPages.Select(page => links.GetPathByPage(page, handler: null, values: null)).Concat(schemes)
                .OfType<string>();
            context.Response.Headers.CacheControl = ShortCache;
            return Results.Text(Sitemap(publicUrl, pages), "application/xml; charset=utf-8", Encoding.UTF8);
        }).AllowAnonymous();
    }

    /// <summary>Versioned files are cached for a year and never revalidated; the rest briefly.</summary>
    public static void SetCacheControl(HttpContext context) =>
        context.Response.Headers.CacheControl = context.Request.Query.ContainsKey("v") ? ImmutableCache : ShortCache;

    public static string Robots(PublicUrl publicUrl)
    {
        var text = new StringBuilder("User-agent: *\nAllow: /\n");
        foreach (var path in Disallowed) text.Append("Disallow: ").Append(new Uri(publicUrl.For(path)).AbsolutePath).Append('\n');
        text.Append("Sitemap: ").Append(publicUrl.For("/sitemap.xml")).Append('\n');
        return text.ToString();
    }

    public static string Sitemap(PublicUrl publicUrl, IEnumerable<string> paths)
    {
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var urlset = new XElement(ns + "urlset", paths.Distinct().Select(p => new XElement(ns + "url", new XElement(ns + "loc", publicUrl.For(p)))));
        return new XDeclaration("1.0", "utf-8", null) + "\n" + urlset;
    }
}
