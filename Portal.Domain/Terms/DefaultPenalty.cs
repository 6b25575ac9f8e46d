namespace Portal.Domain.Terms;

/// <summary>
/// The penalty the municipality owes an applicant for deciding late (dwangsom bij niet tijdig beslissen, art. 4:17 Awb),
/// as of <see cref="Today"/>. It runs from <see cref="FirstDay"/>: the day on which two weeks have passed after the day the
/// written notice of default was received (the notice can only be sent once the decision term has passed, so receipt is
/// the later of the two days the law names) — received on 1 March, the first day is 15 March. It runs for every day the
/// municipality is in default, at most 42 days (the Algemene termijnenwet does not apply to those): € 23 a day for the
/// first 14, € 35 for the next 14 and € 45 for the rest, at most € 1,442. The day the decision is given ends it.
/// </summary>
public sealed record DefaultPenalty(DateOnly FirstDay, DateOnly LastPossibleDay, int DaysRun, Money.Money SoFar, bool Running)
{
    public const int MaxDays = 42;
    public static readonly Money.Money Maximum = Enumerable.Range(1, MaxDays).Aggregate(Money.Money.Zero, (sum, day) => sum + DayRate(day));

    public static DefaultPenalty Calculate(DateOnly noticeReceivedOn, DateOnly? decidedOn, DateOnly today)
    {
        var first = noticeReceivedOn.AddDays(14);
        var lastPossible = first.AddDays(MaxDays - 1);
        // The day the decision is given the municipality is no longer in default.
        var lastDay = Earliest(lastPossible, Earliest(today, decidedOn?.AddDays(-1) ?? today));
        var days = Math.Max(0, lastDay.DayNumber - first.DayNumber + 1);
        var soFar = Enumerable.Range(1, days).Aggregate(Money.Money.Zero, (sum, day) => sum + DayRate(day));
        var running = decidedOn is null && today >= first && today <= lastPossible;
        return new DefaultPenalty(first, lastPossible, days, soFar, running);
    }

    /// <summary>The amount for the <paramref name="day"/>th day of default (1-based).</summary>
    public static Money.Money DayRate(int day) => Money.Money.FromEuros(day <= 14 ? 23 : day <= 28 ? 35 : 45);

    private static DateOnly Earliest(DateOnly a, DateOnly b) => a < b ? a : b;
}
