using Portal.Domain.Terms;

namespace Portal.Domain.Budget;

/// <summary>
/// Budget held for one complete application, from the day it became complete until its decision: an approval of a
/// later application can never use it. A grant spends it (in full or in part: what is not granted returns to the
/// scheme); withdrawal, refusal, not processing and a return give it back. An application has at most one reservation
/// that is not released (the database holds to that too); becoming complete again makes a new one, with the new date.
/// </summary>
public sealed class BudgetReservation
{
    private BudgetReservation() { }

    internal BudgetReservation(int schemeId, Guid applicationId, Money.Money amount, DateTimeOffset completeAt)
    {
        Id = Guid.NewGuid();
        SchemeId = schemeId;
        ApplicationId = applicationId;
        AmountCents = amount.Cents;
        CompleteAt = completeAt;
        CompleteOn = NijmegenTime.DayOf(completeAt);
        State = ReservationState.Reserved;
    }

    public Guid Id { get; private set; }
    public int SchemeId { get; private set; }
    public Guid ApplicationId { get; private set; }
    /// <summary>What the application asks for: the amount held.</summary>
    public long AmountCents { get; private set; }
    /// <summary>When the application became complete (submitted with no completeness request open).</summary>
    public DateTimeOffset CompleteAt { get; private set; }
    /// <summary>The day in Nijmegen it became complete: the order of first come, first served counts days, not seconds.</summary>
    public DateOnly CompleteOn { get; private set; }
    /// <summary>Its place in the draw of <see cref="CompleteOn"/> (1 = first), once that day's draw is held.</summary>
    public int? DrawPosition { get; private set; }
    /// <summary>Its place in the ranking (1 = best), for a scheme that ranks after its closing date.</summary>
    public int? Rank { get; private set; }
    public ReservationState State { get; private set; }
    /// <summary>What was granted, once <see cref="ReservationState.Granted"/>.</summary>
    public long? GrantedCents { get; private set; }
    public DateTimeOffset? SettledAt { get; private set; }
    /// <summary>Why it was released: the state the application moved to, or "incomplete".</summary>
    public string? ReleaseReason { get; private set; }

    public Money.Money Amount => new(AmountCents);
    public bool IsHeld => State == ReservationState.Reserved;

    internal void Drawn(int position) => DrawPosition = position;

    internal void Ranked(int? rank) => Rank = rank;

    internal void Granted(Money.Money amount, DateTimeOffset now)
    {
        State = ReservationState.Granted;
        GrantedCents = amount.Cents;
        SettledAt = now;
    }

    /// <summary>The grant's decision was reopened: held again, in the same place, until the new decision.</summary>
    internal void Reopened()
    {
        State = ReservationState.Reserved;
        GrantedCents = null;
        SettledAt = null;
    }

    /// <summary>Settled lower than granted (a vaststelling below the verlening): the difference is no longer spent.</summary>
    internal void Settled(Money.Money amount) => GrantedCents = amount.Cents;

    internal void Released(string reason, DateTimeOffset now)
    {
        State = ReservationState.Released;
        ReleaseReason = reason;
        SettledAt = now;
    }
}
