using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace Portal.Infrastructure.Web;

/// <summary>
/// Which Host headers are answered and whose X-Forwarded-* headers are believed.
/// <list type="bullet">
/// <item>Only the public address's host is answered, unless <c>AllowedHosts</c> says otherwise (Development: any).</item>
/// <item>X-Forwarded-For/-Proto/-Host count only when the connection comes from a proxy listed in
/// <c>Portal:Proxies:Addresses</c> or <c>Portal:Proxies:Networks</c> (CIDR). Nothing is trusted by default, not even
/// loopback: without a configured proxy, a client could otherwise pick its own address and escape every rate limit.</item>
/// </list>
/// </summary>
public static class ProxySetup
{
    public const string AddressesSetting = "Portal:Proxies:Addresses";
    public const string NetworksSetting = "Portal:Proxies:Networks";

    public static void AddProxySetup(this IServiceCollection services, IConfiguration configuration, PublicUrl publicUrl)
    {
        // An explicit AllowedHosts setting wins (Development sets "*"); without one only the public host is answered.
        if (string.IsNullOrWhiteSpace(configuration["AllowedHosts"]))
            services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = [publicUrl.Host]);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var address in configuration.GetSection(AddressesSetting).Get<string[]>() ?? [])
                o.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in configuration.GetSection(NetworksSetting).Get<string[]>() ?? [])
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            // A forwarded host is believed only when it is the public one.
            o.AllowedHosts = [publicUrl.Host];
        });
    }

    /// <summary>Reads X-Forwarded-* from configured proxies only; without any configured proxy it does nothing.</summary>
    public static IApplicationBuilder UseConfiguredProxies(this IApplicationBuilder app, IConfiguration configuration)
    {
        var configured = (configuration.GetSection(AddressesSetting).Get<string[]>()?.Length ?? 0)
            + (configuration.GetSection(NetworksSetting).Get<string[]>()?.Length ?? 0) > 0;
        return configured ? app.UseForwardedHeaders() : app;
    }
}
