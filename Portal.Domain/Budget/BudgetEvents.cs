using System.Globalization;
using Portal.Domain.Applications;
using Portal.Domain.Common;

namespace Portal.Domain.Budget;

// The budget's events are about one application each, so its audit trail (and timeline) shows where its money stands.

/// <summary>Budget is held for a complete application (art. 4:25 Awb: the order of the scheme counts from here).</summary>
public sealed record BudgetReserved(Guid ApplicationId, int SchemeId, Money.Money Amount, DateOnly CompleteOn, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "budget.reserved";
    public override string? Detail => string.Create(CultureInfo.InvariantCulture, $"scheme {SchemeId}; {Amount.Cents} cents; complete on {CompleteOn:yyyy-MM-dd}");
}

/// <summary>The reservation is given back: withdrawn, refused, not processed, returned, or not complete after all.</summary>
public sealed record BudgetReleased(Guid ApplicationId, int SchemeId, Money.Money Amount, string Reason, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "budget.released";
    public override string? Detail => string.Create(CultureInfo.InvariantCulture, $"scheme {SchemeId}; {Amount.Cents} cents; {Reason}");
}

/// <summary>The reservation is spent on a grant; what was held above the granted amount returns to the scheme.</summary>
public sealed record BudgetGranted(Guid ApplicationId, int SchemeId, Money.Money Reserved, Money.Money Granted, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "budget.granted";
    public override string? Detail => string.Create(CultureInfo.InvariantCulture, $"scheme {SchemeId}; reserved {Reserved.Cents} cents; granted {Granted.Cents} cents");
}

/// <summary>A grant's decision was reopened: the granted amount is no longer spent, the request is held again in its place.</summary>
public sealed record BudgetGrantReopened(Guid ApplicationId, int SchemeId, Money.Money WasGranted, Money.Money Reserved, Actor Actor,
    DateTimeOffset OccurredAt) : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "budget.grant-reopened";
    public override string? Detail => string.Create(CultureInfo.InvariantCulture, $"scheme {SchemeId}; was granted {WasGranted.Cents} cents; reserved {Reserved.Cents} cents");
}

/// <summary>A vaststelling below the verlening: what was granted above the settled amount returns to the scheme.</summary>
public sealed record BudgetReturned(Guid ApplicationId, int SchemeId, Money.Money Granted, Money.Money Settled, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "budget.returned";
    public override string? Detail => string.Create(CultureInfo.InvariantCulture, $"scheme {SchemeId}; granted {Granted.Cents} cents; settled {Settled.Cents} cents; returned {Granted.Cents - Settled.Cents} cents");
}

/// <summary>The application's place in the draw of its day.</summary>
public sealed record BudgetDrawn(Guid ApplicationId, int SchemeId, DateOnly Day, string Seed, int Position, int Count, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor.System, OccurredAt)
{
    public override string Action => "budget.drawn";
    public override string? Detail => string.Create(CultureInfo.InvariantCulture, $"scheme {SchemeId}; draw of {Day:yyyy-MM-dd}; seed {Seed}; position {Position} of {Count}");
}

/// <summary>The application's place in the ranking after the closing date.</summary>
public sealed record BudgetRanked(Guid ApplicationId, int SchemeId, int Rank, Actor Actor, DateTimeOffset OccurredAt)
    : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "budget.ranked";
    public override string? Detail => string.Create(CultureInfo.InvariantCulture, $"scheme {SchemeId}; rank {Rank}");
}
