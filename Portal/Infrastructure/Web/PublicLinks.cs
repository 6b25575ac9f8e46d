namespace Portal.Infrastructure.Web;

/// <summary>Absolute links to pages, for emails: the page's route from the routing table, the address from <see cref="PublicUrl"/>.</summary>
public sealed class PublicLinks(LinkGenerator links, PublicUrl publicUrl)
{
    /// <param name="page">A page name as in <c>asp-page</c>, e.g. "/Account/Link".</param>
    public string Page(string page, object? values = null) =>
        publicUrl.For(links.GetPathByPage(page, handler: null, values)
            ?? throw new InvalidOperationException($"No route to page {page} with these values."));
}
