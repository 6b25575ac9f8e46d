using Portal.Domain.Terms;

namespace Portal.Tests.Domain;

/// <summary>
/// The working-day calendar of the Algemene termijnenwet: the portal's own table, checked day by day, and compared with
/// the PublicHoliday package so that the only differences are the two the package gets wrong for the Atw.
/// </summary>
public sealed class AtwCalendarTests
{
    private static readonly AtwCalendar Calendar = AtwCalendar.Netherlands;

    [Theory]
    [InlineData("2026-01-01", "New Year's Day")]
    [InlineData("2026-04-03", "Good Friday")]
    [InlineData("2026-04-06", "Easter Monday")]
    [InlineData("2026-04-27", "King's Day")]
    [InlineData("2026-05-05", "Liberation Day")]
    [InlineData("2026-05-14", "Ascension Day")]
    [InlineData("2026-05-25", "Whit Monday")]
    [InlineData("2026-12-25", "Christmas Day")]
    [InlineData("2026-12-26", "Boxing Day")]
    [InlineData("2027-03-26", "Good Friday")]
    [InlineData("2027-05-05", "Liberation Day")]
    [InlineData("2025-04-26", "King's Day")] // 27 April 2025 was a Sunday
    [InlineData("2028-04-14", "Good Friday")]
    public void Atw_holidays(string day, string name) =>
        Assert.Equal(name, Calendar.HolidayName(DecisionTermTests.Day(day)));

    [Theory]
    [InlineData("2026-04-02")]
    [InlineData("2026-04-28")]
    [InlineData("2026-05-04")]
    [InlineData("2026-12-24")]
    [InlineData("2026-12-31")]
    public void Ordinary_days_are_no_holiday(string day) => Assert.Null(Calendar.HolidayName(DecisionTermTests.Day(day)));

    [Theory]
    [InlineData("2026-04-03", "2026-04-07")] // Good Friday, weekend, Easter Monday
    [InlineData("2026-05-05", "2026-05-06")] // 5 May, not a lustrum year
    [InlineData("2027-05-05", "2027-05-07")] // 5 May, then Ascension Day
    [InlineData("2026-03-14", "2026-03-16")] // Saturday
    [InlineData("2026-12-25", "2026-12-28")] // Christmas, Boxing Day, Sunday
    [InlineData("2026-03-17", "2026-03-17")] // a Tuesday stays
    public void A_term_ending_on_a_closed_day_runs_to_the_next_working_day(string end, string moved) =>
        Assert.Equal(DecisionTermTests.Day(moved), Calendar.TermEndingOn(DecisionTermTests.Day(end)));

    [Theory]
    [InlineData("2026-04-02", 2, "2026-04-08")] // Thursday before Easter: Good Friday and Easter Monday do not count
    [InlineData("2026-03-16", 2, "2026-03-18")]
    [InlineData("2026-05-04", 1, "2026-05-06")]
    public void Working_days_for_coaching_skip_weekends_and_Atw_holidays(string from, int days, string expected) =>
        Assert.Equal(DecisionTermTests.Day(expected), Calendar.AddWorkingDays(DecisionTermTests.Day(from), days));

    [Fact]
    public void A_day_named_by_royal_decree_is_a_holiday_too()
    {
        var decreed = new AtwCalendar([DecisionTermTests.Day("2026-06-01")]);

        Assert.False(decreed.IsWorkingDay(DecisionTermTests.Day("2026-06-01")));
        Assert.True(Calendar.IsWorkingDay(DecisionTermTests.Day("2026-06-01")));
    }

    /// <remarks>
    /// PublicHoliday 3.17.0's list lacks Good Friday, which royal decree puts on a par with the Atw holidays; its 5 May is
    /// in the list every year, but the package can also take it as a lustrum-only day off (the collective agreements' rule),
    /// so the Atw table stays ours. Checked here: the package never has a working day the Atw lacks, and ours adds only
    /// Good Friday.
    /// </remarks>
    [Fact]
    public void Compared_with_the_PublicHoliday_package_only_Good_Friday_is_added()
    {
        var package = new PublicHoliday.DutchPublicHoliday();
        for (var year = 2020; year <= 2040; year++)
        {
            var ours = Days(year).Where(d => Calendar.HolidayName(d) is not null && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToHashSet();
            var theirs = package.PublicHolidays(year).Select(DateOnly.FromDateTime)
                .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToHashSet();

            var onlyOurs = ours.Except(theirs).Select(d => Calendar.HolidayName(d)).ToList();
            var onlyTheirs = theirs.Except(ours).ToList();

            Assert.True(onlyTheirs.Count == 0, $"{year}: the package has {string.Join(", ", onlyTheirs)}, which the Atw does not");
            Assert.True(onlyOurs is ["Good Friday"], $"{year}: we add {string.Join(", ", onlyOurs)}");
        }
    }

    [Theory]
    [InlineData(2026)]
    [InlineData(2027)]
    [InlineData(2033)]
    public void The_package_read_as_the_collective_agreements_read_it_would_miss_5_May_outside_lustrum_years(int year)
    {
        var lustrumOnly = PublicHoliday.DutchPublicHoliday.LiberationDay(year, onlyAtLustrum: true);

        Assert.Null(lustrumOnly);
        Assert.Equal("Liberation Day", Calendar.HolidayName(new DateOnly(year, 5, 5)));
    }

    private static IEnumerable<DateOnly> Days(int year)
    {
        for (var day = new DateOnly(year, 1, 1); day.Year == year; day = day.AddDays(1)) yield return day;
    }
}
