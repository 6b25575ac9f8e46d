using Portal.Domain.Common;

namespace Portal.Domain.Terms;

/// <summary>
/// Days on which the decision term stands still, from <see cref="From"/> up to (not including) <see cref="Until"/>;
/// an open suspension (<see cref="Until"/> null) is still running.
/// </summary>
public sealed record Suspension(DateOnly From, DateOnly? Until)
{
    public bool Covers(DateOnly day, DateOnly today) => day >= From && day < (Until ?? today);
}

/// <summary>An extension of the decision term (art. 4:14 Awb): the notice went out on <see cref="NoticeOn"/> and names <see cref="NewDate"/>.</summary>
public sealed record Extension(DateOnly NoticeOn, DateOnly NewDate);

/// <summary>
/// The decision term of one application under the Awb, as of <see cref="Today"/>.
/// <list type="bullet">
/// <item>It runs from receipt of the application: the scheme's weeks, counted from the day after receipt.</item>
/// <item>It stands still only for the <see cref="Suspension"/>s: a completeness request with a term (art. 4:5 with 4:15(1)(a))
/// and the applicant's written consent to a delay (4:15(2)(a)). A plain question, or a request without a term, is no suspension;
/// <see cref="Suspensions"/> builds them from the facts.</item>
/// <item>An <see cref="Extension"/> made before the term ended replaces its end by the date its notice names (4:14);
/// a suspension after the notice moves that date on.</item>
/// <item>An end on a Saturday, Sunday or Atw holiday moves to the next working day (<see cref="AtwCalendar"/>).</item>
/// </list>
/// Besides the legal date, the <see cref="ServiceTargetDate"/>: the municipality's own, shorter promise, suspended
/// alike but never extended (an extension means the promise was not kept).
/// </summary>
public sealed record DecisionTerm(DateOnly ReceivedOn, DateOnly LegalDate, DateOnly ServiceTargetDate, int SuspendedDays,
    bool SuspendedNow, DateOnly? ExtendedTo, DateOnly Today)
{
    public static DecisionTerm Calculate(DateOnly receivedOn, int legalWeeks, int serviceTargetWeeks, IReadOnlyList<Suspension> suspensions,
        IReadOnlyList<Extension> extensions, DateOnly today, AtwCalendar calendar)
    {
        bool Suspended(DateOnly day) => suspensions.Any(s => s.Covers(day, today));

        // Counts `days` days after `start`, skipping suspended ones: a suspension after the end does not revive the term.
        DateOnly Walk(DateOnly start, int days)
        {
            var day = start;
            while (days > 0)
            {
                day = day.AddDays(1);
                if (!Suspended(day)) days--;
            }
            return day;
        }

        var end = Walk(receivedOn, 7 * legalWeeks);
        DateOnly? extendedTo = null;
        foreach (var extension in extensions.OrderBy(e => e.NoticeOn))
        {
            // Only a notice sent before the term ended extends it (the verb refuses a late one; an old row cannot revive it).
            if (extension.NoticeOn > calendar.TermEndingOn(end) || extension.NewDate <= calendar.TermEndingOn(end)) continue;
            end = Walk(extension.NoticeOn, extension.NewDate.DayNumber - extension.NoticeOn.DayNumber);
            extendedTo = extension.NewDate;
        }
        var legal = calendar.TermEndingOn(end);
        var service = calendar.TermEndingOn(Walk(receivedOn, 7 * serviceTargetWeeks));
        var suspendedDays = 0;
        for (var day = receivedOn.AddDays(1); day <= legal; day = day.AddDays(1))
            if (Suspended(day)) suspendedDays++;
        var suspendedNow = suspensions.Any(s => s.Until is null && s.From <= today.AddDays(1));
        return new DecisionTerm(receivedOn, legal, service, suspendedDays, suspendedNow, extendedTo, today);
    }

    /// <summary>
    /// Refuses an extension the law does not allow: its notice must go out before the term has ended, and it must name a
    /// later date. Returns the date the notice names: a weekend day or holiday becomes the next working day, so the
    /// notice and the portal say the same.
    /// </summary>
    public DateOnly CheckExtension(DateOnly noticeOn, DateOnly newDate, AtwCalendar calendar)
    {
        if (noticeOn > LegalDate) throw new DomainException("Term.Extension.TooLate");
        var named = calendar.TermEndingOn(newDate);
        if (named <= LegalDate) throw new DomainException("Term.Extension.NotLater");
        return named;
    }
}
