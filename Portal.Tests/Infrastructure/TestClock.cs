namespace Portal.Tests.Infrastructure;

/// <summary>A clock the test moves (the portal's <see cref="TimeProvider"/>); whole microseconds, as PostgreSQL stores them.</summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = new(start.UtcTicks - start.UtcTicks % 10, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
