using Microsoft.EntityFrameworkCore;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Schemes;
using Portal.Infrastructure.Localization;
using Portal.Review;

namespace Portal.Pages.Schemes;

/// <summary>Finding schemes and writing their amounts and dates in the language of the page.</summary>
public static class SchemeCatalogue
{
    /// <summary>The calendar day in Nijmegen: a scheme that closes today is still open until midnight there.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(ApplicationTime.Local(clock.GetUtcNow()).DateTime);

    public static Task<List<Scheme>> OpenAsync(PortalDbContext db, TimeProvider clock)
    {
        var today = Today(clock);
        return db.Schemes.AsNoTracking().Where(s => s.ClosesOn >= today).OrderBy(s => s.Id).ToListAsync();
    }

    /// <summary>The open schemes, each with whether its budget is spent (art. 4:25 Awb), in one query.</summary>
    public static Task<List<SchemeWithBudget>> OpenWithBudgetAsync(PortalDbContext db, TimeProvider clock)
    {
        var today = Today(clock);
        return db.Schemes.AsNoTracking().Where(s => s.ClosesOn >= today).OrderBy(s => s.Id).WithBudget(db).ToListAsync();
    }

    /// <summary>A scheme with whether its budget is spent, in one query.</summary>
    public static Task<SchemeWithBudget?> FindWithBudgetAsync(PortalDbContext db, string slug) =>
        db.Schemes.AsNoTracking().Where(s => s.Slug == slug).WithBudget(db).SingleOrDefaultAsync();

    public static Task<Scheme?> FindAsync(PortalDbContext db, string slug) =>
        db.Schemes.AsNoTracking().SingleOrDefaultAsync(s => s.Slug == slug);

    public static string Name(PortalText text, string slug) => text[$"Scheme.{slug}.Name"];

    /// <summary>"€ 2.500" in every language, never broken over two lines (<see cref="Domain.Money.Money.Format"/>).</summary>
    public static string Amount(Domain.Money.Money amount) => amount.Format();

    /// <summary>"31 december 2026": day and month name, Gregorian calendar in every language.</summary>
    public static string Date(DateOnly date) => ApplicationDisplay.Date(date);

    /// <summary>The published assessment criteria: resources "Scheme.{slug}.Criterion.1", ".2", ... in order.</summary>
    public static IReadOnlyList<string> Criteria(PortalText text, string slug)
    {
        var criteria = new List<string>();
        for (var i = 1; i <= 10 && text[$"Scheme.{slug}.Criterion.{i}"] is { ResourceNotFound: false } criterion; i++)
            criteria.Add(criterion.Value);
        return criteria;
    }
}
