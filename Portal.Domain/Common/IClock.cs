namespace Portal.Domain.Common;

/// <summary>The time, behind a port so tests can move it (the only fake the tests may use besides fault injection).</summary>
public interface IClock
{
    DateTimeOffset UtcNow { get; }
}

public sealed class SystemClock : IClock
{
    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
}
