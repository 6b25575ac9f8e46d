namespace Portal.Applications;

/// <summary>Nijmegen's clock: "saved at 14:03" means 14:03 on the applicant's wall, not in UTC.</summary>
public static class ApplicationTime
{
    private static readonly TimeZoneInfo Nijmegen = Find();

    public static DateTimeOffset Local(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Nijmegen);

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
