namespace Portal.Infrastructure.Security;

/// <summary>
/// Strict security headers on every response. The CSP allows no inline script and no third-party origin:
/// scripts and styles come only from this site (htmx is served from wwwroot), images may be data: URIs (QR code).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            // A page may be a full document or an htmx fragment: caches must keep them apart.
            headers.Append("Vary", "HX-Request");
            return Task.CompletedTask;
        });
        await next();
    });
}
