using Portal.Domain.Common;

namespace Portal.Tests.Infrastructure;

/// <summary>A clock the test moves (the portal's <see cref="IClock"/>); whole microseconds, as PostgreSQL stores them.</summary>
public sealed class TestClock(DateTimeOffset start) : IClock
{
    public DateTimeOffset UtcNow { get; private set; } = new(start.UtcTicks - start.UtcTicks % 10, TimeSpan.Zero);

    public void Advance(TimeSpan by) => UtcNow += by;
}
