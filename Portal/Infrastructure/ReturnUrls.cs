using Microsoft.AspNetCore.Mvc;

namespace Portal.Infrastructure;

/// <summary>"Back to where you were" addresses come from the query string or a form: only one on this site is followed.</summary>
public static class ReturnUrls
{
    /// <summary>The address when it is on this site, otherwise null (no open redirect).</summary>
    public static string? LocalOrNull(this IUrlHelper url, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && url.IsLocalUrl(returnUrl) ? returnUrl : null;
}
