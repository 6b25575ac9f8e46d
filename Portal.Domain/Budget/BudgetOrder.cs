namespace Portal.Domain.Budget;

/// <summary>
/// How a scheme fills its budget ceiling (art. 4:25 Awb), as the scheme publishes it. Stored by name, so never rename one.
/// </summary>
public enum BudgetOrder
{
    /// <summary>
    /// First come, first served: by the day the application became complete; applications complete on the same day are
    /// put in order by a recorded draw (<see cref="BudgetDraw"/>).
    /// </summary>
    FirstComeFirstServed,
    /// <summary>After the closing date, by the assessment's ranking: the best-scored application first.</summary>
    Ranking,
}

/// <summary>Where a reservation stands. Stored by name, so never rename one.</summary>
public enum ReservationState
{
    /// <summary>Held for a complete application that has no decision yet.</summary>
    Reserved,
    /// <summary>Spent: the application was granted (in full or in part).</summary>
    Granted,
    /// <summary>Given back: the application was withdrawn, refused, not processed, returned, or turned out incomplete.</summary>
    Released,
}
