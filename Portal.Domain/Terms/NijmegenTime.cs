namespace Portal.Domain.Terms;

/// <summary>
/// Nijmegen's clock: a term counts in calendar days as people there live them, so an application sent at 00:30 on
/// 3 March is received on 3 March, not on 2 March (UTC).
/// </summary>
public static class NijmegenTime
{
    private static readonly TimeZoneInfo Zone = Find();

    public static DateTimeOffset Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    public static DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(Local(moment).DateTime);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
