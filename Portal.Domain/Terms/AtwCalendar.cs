namespace Portal.Domain.Terms;

/// <summary>
/// Working days under the Algemene termijnenwet (Atw): a term that ends on a Saturday, a Sunday or a holiday of the Atw
/// runs on to the next day that is none of these (art. 1). The holidays are those of art. 3(1) — New Year's Day, Easter
/// Monday, Ascension Day, Whit Monday, Christmas Day and Boxing Day, the King's birthday as celebrated, and 5 May in
/// every year — plus Good Friday, which royal decree puts on a par with them (art. 3(3)), and any other day a decree
/// names (<paramref name="byDecree"/>). Coaching's "within 2 working days" counts on the same calendar.
/// </summary>
/// <remarks>
/// Our own table rather than the PublicHoliday package: that package has no Good Friday, and it also knows 5 May as a day
/// off only every fifth year (the collective agreements' rule, not the Atw's). A test compares the two.
/// </remarks>
public sealed class AtwCalendar(IEnumerable<DateOnly>? byDecree = null)
{
    public static readonly AtwCalendar Netherlands = new();

    private readonly HashSet<DateOnly> decreed = [.. byDecree ?? []];

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && HolidayName(day) is null;

    /// <summary>The name of the Atw holiday on <paramref name="day"/> (for tests and explanations), or null.</summary>
    public string? HolidayName(DateOnly day)
    {
        if (decreed.Contains(day)) return "By royal decree";
        var easter = EasterSunday(day.Year);
        return (day.Month, day.Day) switch
        {
            (1, 1) => "New Year's Day",
            (5, 5) => "Liberation Day",
            (12, 25) => "Christmas Day",
            (12, 26) => "Boxing Day",
            _ when day == KingsDay(day.Year) => "King's Day",
            _ when day == easter.AddDays(-2) => "Good Friday",
            _ when day == easter.AddDays(1) => "Easter Monday",
            _ when day == easter.AddDays(39) => "Ascension Day",
            _ when day == easter.AddDays(50) => "Whit Monday",
            _ => null,
        };
    }

    /// <summary>Where a term that ends on <paramref name="day"/> really ends: that day, or the next working day (Atw art. 1).</summary>
    public DateOnly TermEndingOn(DateOnly day)
    {
        while (!IsWorkingDay(day)) day = day.AddDays(1);
        return day;
    }

    /// <summary>The day <paramref name="count"/> working days after <paramref name="from"/> (the day itself not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly from, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var day = from;
        while (count > 0)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) count--;
        }
        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            if (IsWorkingDay(day)) count++;
        return count;
    }

    /// <summary>The King's birthday as celebrated: 27 April (since 2014), on 26 April when the 27th is a Sunday.</summary>
    private static DateOnly KingsDay(int year)
    {
        // Before 2014 the Queen's birthday was celebrated on 30 April (29 April when that was a Sunday).
        var day = year >= 2014 ? new DateOnly(year, 4, 27) : new DateOnly(year, 4, 30);
        return day.DayOfWeek == DayOfWeek.Sunday ? day.AddDays(-1) : day;
    }

    /// <summary>Western Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
