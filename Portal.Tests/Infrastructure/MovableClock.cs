using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The time the portal's sign-in cookie is checked against (ASP.NET Core's TimeProvider), moved forward to let a
/// session go idle. The only fake besides fault injection.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Ahead { get; set; }
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Ahead;

    /// <summary>The same portal (same database), its sign-in checked against this clock.</summary>
    public WebApplicationFactory<Program> On(WebApplicationFactory<Program> portal) =>
        portal.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(this)));
}
