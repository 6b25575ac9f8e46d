namespace Portal.Tests.Infrastructure;

/// <summary>
/// The time the portal's sign-in cookie is checked against (ASP.NET Core's TimeProvider), moved forward to let a
/// session go idle: register it with ConfigureTestServices. The only fake besides fault injection.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    public TimeSpan Ahead { get; set; }
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Ahead;
}
