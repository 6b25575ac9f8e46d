using Portal.Domain.Common;
using Portal.Domain.Events;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;

namespace Portal.Domain.Budget;

/// <summary>
/// A scheme's budget under its ceiling (art. 4:25 Awb), filled in the order the scheme publishes: one row per scheme,
/// which is also the row an approval locks, so two approvals at the same moment are taken one after the other. The
/// ceiling itself is the scheme's (<see cref="Scheme.BudgetCeilingCents"/>).
/// <para>
/// Budget is held when an application becomes complete (<see cref="Reserve"/>). A grant may use only what is neither
/// granted nor held for an application earlier in the order (<see cref="Grant"/>); so a late decision is judged as if it
/// had been taken on time (art. 4:25(3)): what later applications were given cannot be held against it, because they
/// could never take what was held for it.
/// </para>
/// </summary>
public sealed class SchemeBudget : AggregateRoot
{
    private readonly List<BudgetReservation> reservations = [];
    private readonly List<BudgetDraw> draws = [];

    private SchemeBudget() { }

    public SchemeBudget(int schemeId, BudgetOrder order = BudgetOrder.FirstComeFirstServed)
    {
        SchemeId = schemeId;
        Order = order;
    }

    public int SchemeId { get; private set; }
    public BudgetOrder Order { get; private set; }
    public IReadOnlyList<BudgetReservation> Reservations => reservations;
    public IReadOnlyList<BudgetDraw> Draws => draws;

    /// <summary>
    /// Publishes the order the scheme fills its budget in. It is part of the published rules, so it is fixed once an
    /// application holds budget: changing it then would change the outcome for applications already in line.
    /// </summary>
    public void PublishOrder(BudgetOrder order)
    {
        if (order == Order) return;
        if (reservations.Any(r => r.State != ReservationState.Released)) throw new DomainException("Ceiling.Order.Fixed");
        Order = order;
    }

    /// <summary>The reservation of an application that is not released, if any.</summary>
    public BudgetReservation? LiveReservationOf(Guid applicationId) =>
        reservations.FirstOrDefault(r => r.ApplicationId == applicationId && r.State != ReservationState.Released);

    /// <summary>
    /// The application became complete (submitted, no completeness request open): its requested amount is held from now,
    /// in the scheme's order. A second call for the same application changes nothing.
    /// </summary>
    public BudgetReservation Reserve(Guid applicationId, Money.Money requested, Actor by, DateTimeOffset now)
    {
        if (LiveReservationOf(applicationId) is { } live) return live;
        if (requested.Cents <= 0) throw new DomainException("Ceiling.Amount.Positive");
        var reservation = new BudgetReservation(SchemeId, applicationId, requested, now);
        reservations.Add(reservation);
        Raise(new BudgetReserved(applicationId, SchemeId, requested, reservation.CompleteOn, by, now));
        return reservation;
    }

    /// <summary>Gives the held budget back (withdrawn, refused, not processed, returned, incomplete). Nothing held: nothing happens.</summary>
    public void Release(Guid applicationId, string reason, Actor by, DateTimeOffset now)
    {
        if (LiveReservationOf(applicationId) is not { IsHeld: true } reservation) return;
        reservation.Released(reason, now);
        Raise(new BudgetReleased(applicationId, SchemeId, reservation.Amount, reason, by, now));
    }

    /// <summary>
    /// A granted application's decision was reopened: what was granted is no longer spent, and the full request is held
    /// again in its old place in the order (its day, draw and rank kept) until the new decision — which spends it again under
    /// every rule of <see cref="Grant"/>, so the ceiling still holds. Nothing granted (a refusal reopened): nothing happens
    /// here; the move back to review holds its request again as of today (Portal.Review.BudgetReservations).
    /// </summary>
    public void ReopenGrant(Guid applicationId, Actor by, DateTimeOffset now)
    {
        if (by.Role != ActorRole.Approver) throw new DomainException("Application.TransitionNotAllowed");
        if (LiveReservationOf(applicationId) is not { State: ReservationState.Granted } reservation) return;
        var granted = new Money.Money(reservation.GrantedCents ?? 0);
        reservation.Reopened();
        Raise(new BudgetGrantReopened(applicationId, SchemeId, granted, reservation.Amount, by, now));
    }

    /// <summary>Sets an application's place in the ranking (1 = best), as the assessment decides it after the closing date.</summary>
    public void SetRank(Guid applicationId, int rank, Actor by, DateTimeOffset now)
    {
        if (Order != BudgetOrder.Ranking) throw new DomainException("Ceiling.Ranking.NotThisScheme");
        if (rank < 1) throw new DomainException("Ceiling.Ranking.Invalid");
        if (LiveReservationOf(applicationId) is not { IsHeld: true } reservation) throw new DomainException("Ceiling.NotReserved");
        reservation.Ranked(rank);
        Raise(new BudgetRanked(applicationId, SchemeId, rank, by, now));
    }

    /// <summary>
    /// Holds the draw of every day before <paramref name="today"/> on which applications became complete and that has no
    /// draw yet. Only a day that is over is drawn: until then, more applications may come that day.
    /// </summary>
    public IReadOnlyList<BudgetDraw> HoldDraws(DateOnly today, DateTimeOffset now, Func<string>? newSeed = null)
    {
        var held = new List<BudgetDraw>();
        var undrawn = reservations.Where(r => r.DrawPosition is null && r.CompleteOn < today).GroupBy(r => r.CompleteOn).OrderBy(g => g.Key);
        foreach (var day in undrawn)
        {
            if (draws.Any(d => d.Day == day.Key)) continue; // a day is drawn once; its order never changes afterwards
            var seed = (newSeed ?? BudgetDraw.NewSeed)();
            var order = BudgetDraw.Order(seed, day.Select(r => r.ApplicationId));
            var draw = new BudgetDraw(SchemeId, day.Key, seed, order.Count, now);
            draws.Add(draw);
            held.Add(draw);
            foreach (var reservation in day)
            {
                var position = order.ToList().IndexOf(reservation.ApplicationId) + 1;
                reservation.Drawn(position);
                Raise(new BudgetDrawn(reservation.ApplicationId, SchemeId, day.Key, seed, position, order.Count, now));
            }
        }
        return held;
    }

    /// <summary>The applications that hold budget, in the scheme's order (first in line first).</summary>
    public IReadOnlyList<BudgetReservation> Queue() => reservations.Where(r => r.IsHeld).OrderBy(r => r, Comparer).ToList();

    /// <summary>What is granted, held and left under <paramref name="scheme"/>'s ceiling.</summary>
    public RemainingBudget Remaining(Scheme scheme)
    {
        EnsureSame(scheme);
        return new RemainingBudget(SchemeId, new Money.Money(scheme.BudgetCeilingCents),
            new Money.Money(reservations.Where(r => r.IsHeld).Sum(r => r.AmountCents)),
            new Money.Money(reservations.Where(r => r.State == ReservationState.Granted).Sum(r => r.GrantedCents ?? 0)));
    }

    /// <summary>
    /// What the application can be given: its requested amount if it fits, otherwise what is left after the grants and the
    /// reservations of the applications before it in the order — a partial grant, with the rest refused "voor zover het
    /// subsidieplafond wordt overschreden" (art. 4:25(2) Awb) — or nothing.
    /// </summary>
    public BudgetOffer Offer(Scheme scheme, Guid applicationId, DateOnly today)
    {
        var reservation = HeldReservation(scheme, applicationId, today);
        var available = Available(scheme, reservation, today);
        return new BudgetOffer(reservation.Amount, available.Cents < 0 ? Money.Money.Zero : available);
    }

    /// <summary>
    /// Spends the application's reservation on a grant of <paramref name="amount"/> (at most what it asked for). Refused
    /// when it would take the total granted above the ceiling (Ceiling.Exceeded), or would use budget held for an application
    /// earlier in the order (Ceiling.HeldForEarlier). Call it with the scheme's budget row locked (the ledger does).
    /// </summary>
    public void Grant(Scheme scheme, Guid applicationId, Money.Money amount, Actor by, DateTimeOffset now)
    {
        if (!by.IsStaff) throw new DomainException("Application.TransitionNotAllowed");
        var today = NijmegenTime.DayOf(now);
        var reservation = HeldReservation(scheme, applicationId, today);
        // First come, first served: the place among the applications of the same day is known once that day's draw is held,
        // the day after. Until then another application of that day could still come before this one.
        if (Order == BudgetOrder.FirstComeFirstServed && reservation.DrawPosition is null) throw new DomainException("Ceiling.Draw.Pending");
        if (amount.Cents <= 0) throw new DomainException("Ceiling.Amount.Positive");
        if (amount > reservation.Amount) throw new DomainException("Ceiling.AboveRequested");
        var granted = reservations.Where(r => r.State == ReservationState.Granted).Sum(r => r.GrantedCents ?? 0);
        if (granted + amount.Cents > scheme.BudgetCeilingCents) throw new DomainException("Ceiling.Exceeded");
        if (amount > Available(scheme, reservation, today)) throw new DomainException("Ceiling.HeldForEarlier");
        reservation.Granted(amount, now);
        Raise(new BudgetGranted(applicationId, SchemeId, reservation.Amount, amount, by, now));
    }

    /// <summary>
    /// The vaststelling of a verleend grant settled it at <paramref name="settled"/>: what was granted above that returns to
    /// the scheme's budget, so later applications can use it (issue 12, point 6). Never above the grant; settled at the grant,
    /// nothing changes. Call it with the scheme's budget row locked (the ledger does).
    /// </summary>
    public void Settle(Guid applicationId, Money.Money settled, Actor by, DateTimeOffset now)
    {
        if (!by.IsStaff) throw new DomainException("Application.TransitionNotAllowed");
        if (LiveReservationOf(applicationId) is not { State: ReservationState.Granted, GrantedCents: { } granted } reservation)
            throw new DomainException("Ceiling.NotGranted");
        if (settled.Cents < 0) throw new DomainException("Money.Negative");
        if (settled.Cents > granted) throw new DomainException("Vaststelling.AboveVerlening");
        if (settled.Cents == granted) return;
        reservation.Settled(settled);
        Raise(new BudgetReturned(applicationId, SchemeId, new Money.Money(granted), settled, by, now));
    }

    /// <summary>Whether <paramref name="other"/> comes before <paramref name="reservation"/> in the scheme's order.</summary>
    public bool IsBefore(BudgetReservation other, BudgetReservation reservation)
    {
        if (other.Id == reservation.Id) return false;
        if (Order == BudgetOrder.Ranking) return other.Rank is { } a && reservation.Rank is { } b && (a < b || (a == b && other.CompleteAt < reservation.CompleteAt));
        if (other.CompleteOn != reservation.CompleteOn) return other.CompleteOn < reservation.CompleteOn;
        // The same day without a draw yet (the day is not over): the other may still be drawn first, so it counts as before.
        return other.DrawPosition is not { } p || reservation.DrawPosition is not { } q || p < q;
    }

    private Money.Money Available(Scheme scheme, BudgetReservation reservation, DateOnly today)
    {
        var granted = reservations.Where(r => r.State == ReservationState.Granted).Sum(r => r.GrantedCents ?? 0);
        var heldBefore = reservations.Where(r => r.IsHeld && IsBefore(r, reservation)).Sum(r => r.AmountCents);
        return new Money.Money(scheme.BudgetCeilingCents - granted - heldBefore);
    }

    private BudgetReservation HeldReservation(Scheme scheme, Guid applicationId, DateOnly today)
    {
        EnsureSame(scheme);
        if (LiveReservationOf(applicationId) is not { IsHeld: true } reservation) throw new DomainException("Ceiling.NotReserved");
        if (Order == BudgetOrder.Ranking)
        {
            // The ranking is made after the closing date, over every complete application; before that, nobody's place is known.
            if (today <= scheme.ClosesOn) throw new DomainException("Ceiling.Ranking.NotYet");
            if (reservations.Any(r => r.IsHeld && r.Rank is null)) throw new DomainException("Ceiling.Ranking.NotYet");
        }
        return reservation;
    }

    private void EnsureSame(Scheme scheme)
    {
        if (scheme.Id != SchemeId) throw new ArgumentException("Another scheme's budget.", nameof(scheme));
    }

    private IComparer<BudgetReservation> Comparer => Comparer<BudgetReservation>.Create((a, b) =>
        Order == BudgetOrder.Ranking
            ? (a.Rank ?? int.MaxValue, a.CompleteAt).CompareTo((b.Rank ?? int.MaxValue, b.CompleteAt))
            : (a.CompleteOn, a.DrawPosition ?? int.MaxValue, a.CompleteAt).CompareTo((b.CompleteOn, b.DrawPosition ?? int.MaxValue, b.CompleteAt)));
}

/// <summary>A scheme's budget at a glance: its ceiling, what complete applications hold, what is granted, and what is left.</summary>
/// <summary>
/// What a scheme's budget holds for waiting applications and has granted, summed by the database as reservations change
/// (a trigger in the same transaction), for overviews: the inbox summary and the catalogue. Decisions never use it; an
/// approval reads the reservations under the scheme's lock.
/// </summary>
public sealed class SchemeBudgetTotal
{
    private SchemeBudgetTotal() { }

    public int SchemeId { get; private set; }
    public long ReservedCents { get; private set; }
    public long GrantedCents { get; private set; }
}

public sealed record RemainingBudget(int SchemeId, Money.Money Ceiling, Money.Money Reserved, Money.Money Granted)
{
    /// <summary>Neither granted nor held; never below zero (more may be asked than there is: later applications then wait).</summary>
    public Money.Money Left => Ceiling - Reserved - Granted is { Cents: > 0 } left ? left : Money.Money.Zero;

    /// <summary>Nothing left for a new application: everything is granted or held for applications before it.</summary>
    public bool IsSpent => Left.Cents == 0;
}

/// <summary>What an application can be given under the ceiling.</summary>
public sealed record BudgetOffer(Money.Money Requested, Money.Money Available)
{
    /// <summary>The amount to propose: the request, or what is left when that is less.</summary>
    public Money.Money Amount => Available < Requested ? Available : Requested;

    public BudgetOfferKind Kind => Available >= Requested ? BudgetOfferKind.Full : Available.Cents > 0 ? BudgetOfferKind.Partial : BudgetOfferKind.None;

    /// <summary>The part refused "voor zover het subsidieplafond wordt overschreden" (art. 4:25(2) Awb).</summary>
    public Money.Money RefusedForCeiling => Requested - Amount;
}

public enum BudgetOfferKind
{
    /// <summary>The whole request fits.</summary>
    Full,
    /// <summary>Only part fits: a partial grant of what is left, and a refusal of the rest because of the ceiling.</summary>
    Partial,
    /// <summary>Nothing is left: a refusal because of the ceiling.</summary>
    None,
}
