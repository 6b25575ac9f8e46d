using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Assisted;
using Portal.Domain.Review;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;

namespace Portal.Review;

/// <summary>
/// The reviewers' inbox (issue 11, point 1): submitted applications only (a case exists from the first submission), overdue
/// first, in keyset pages — "after this legal date and reference", never OFFSET — on the indexes of <c>ReviewCases</c>. One
/// query for the page's rows (organisation, scheme, who has it, coached: joined, not looked up per row) and one for the
/// facts of their decision terms, which are computed afresh for the rows shown.
/// </summary>
public sealed class ReviewInbox(PortalDbContext db, TimeProvider clock)
{
    public const int PageSize = 25;

    /// <summary>How near a date counts as "near": 5 working days or fewer.</summary>
    public const int NearWorkingDays = 5;

    public enum Assignment { Anyone, Mine, Unassigned }

    /// <summary>"Open" (the default) is every state a reviewer still works on.</summary>
    public static readonly ApplicationStatus[] Open =
        [ApplicationStatus.Submitted, ApplicationStatus.InReview, ApplicationStatus.InformationRequested, ApplicationStatus.DecisionProposed];

    public sealed record Filter(int? SchemeId, string? Status, Assignment Assigned, string? District, bool FirstTime, bool Coached,
        bool NewOnly, string? Search);

    /// <summary>Where a page starts: after this legal date and reference.</summary>
    public sealed record Cursor(DateOnly LegalDate, string Reference)
    {
        public override string ToString() => LegalDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "_" + Reference;

        public static Cursor? Parse(string? value) =>
            value?.Split('_', 2) is [var date, var reference]
            && DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && reference.Length is > 0 and <= 16
                ? new Cursor(day, reference)
                : null;
    }

    public enum Urgency { None, Near, Past }

    public sealed record Row(Guid Id, string Reference, string OrganisationName, string SchemeSlug, long RequestedCents, ApplicationStatus Status,
        DateOnly LegalDate, DateOnly ServiceTargetDate, bool TermStandsStill, int WorkingDaysLeft, Urgency Legal, Urgency ServiceTarget,
        Guid? ReviewerId, string? ReviewerEmail, bool Coached, bool FirstApplication, bool IsNew, DateOnly? NotProcessBy = null,
        DateOnly? DefaultNoticeOn = null);

    public sealed record Page(IReadOnlyList<Row> Rows, Cursor? Next);

    public async Task<Page> PageAsync(Guid reviewerId, Filter filter, Cursor? after, DateTimeOffset? newSince)
    {
        var cases = Query(reviewerId, filter, newSince);
        if (after is { } cursor)
            cases = cases.Where(c => c.LegalDate >= cursor.LegalDate
                && (c.LegalDate > cursor.LegalDate || string.Compare(c.Reference, cursor.Reference) > 0));
        var found = await cases.OrderBy(c => c.LegalDate).ThenBy(c => c.Reference).Take(PageSize + 1)
            .Select(c => new
            {
                Case = c,
                Reviewer = db.Users.Where(u => u.Id == c.ReviewerId).Select(u => u.Email).FirstOrDefault(),
                Coached = db.CoachGrants.Any(g => g.ApplicationId == c.ApplicationId)
                    || db.Set<AssistedApplication>().Any(a => a.ApplicationId == c.ApplicationId),
            })
            .ToListAsync();
        var shown = found.Take(PageSize).ToList();
        var ids = shown.Select(r => r.Case.ApplicationId).ToList();
        // The facts of the terms of the rows shown, in one round trip for the page (one statement: a row has few of each).
        var applications = await db.Applications.AsNoTracking().AsSingleQuery()
            .Include(a => a.InformationRequests).Include(a => a.DelayConsents).Include(a => a.TermExtensions).Include(a => a.DefaultNotice)
            .Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id);
        var schemesById = (await SchemesAsync()).ToDictionary(s => s.Id);
        var now = clock.GetUtcNow();
        var today = NijmegenTime.DayOf(now);
        var calendar = AtwCalendar.Netherlands;
        var rows = shown.Select(r =>
        {
            var c = r.Case;
            var scheme = schemesById[c.SchemeId];
            var application = applications[c.ApplicationId];
            var term = application.DecisionTerm(scheme, calendar, now)!;
            return new Row(c.ApplicationId, c.Reference, c.OrganisationName, scheme.Slug, c.RequestedCents, c.Status, term.LegalDate, term.ServiceTargetDate,
                term.SuspendedNow, DaysLeft(today, term.LegalDate, calendar), UrgencyOf(today, term.LegalDate, calendar),
                UrgencyOf(today, term.ServiceTargetDate, calendar), c.ReviewerId, r.Reviewer, r.Coached, c.FirstApplication,
                newSince is { } since && c.ReceivedAt > since,
                // A completeness term that ran out unused (art. 4:5(4) Awb) and a notice of default (art. 4:17) are marked on the row.
                application.NotProcessDecisionDueOn(calendar), application.DefaultNotice?.ReceivedOn);
        }).ToList();
        var next = found.Count > PageSize ? new Cursor(shown[^1].Case.LegalDate, shown[^1].Case.Reference) : null;
        return new Page(rows, next);
    }

    private IQueryable<ReviewCase> Query(Guid reviewerId, Filter filter, DateTimeOffset? newSince)
    {
        var cases = db.Set<ReviewCase>().AsNoTracking();
        if (filter.SchemeId is { } scheme) cases = cases.Where(c => c.SchemeId == scheme);
        if (filter.Status == "all") { }
        else if (Enum.TryParse<ApplicationStatus>(filter.Status, out var status) && status != ApplicationStatus.Draft)
            cases = cases.Where(c => c.Status == status);
        else cases = cases.Where(c => Open.Contains(c.Status));
        cases = filter.Assigned switch
        {
            Assignment.Mine => cases.Where(c => c.ReviewerId == reviewerId),
            Assignment.Unassigned => cases.Where(c => c.ReviewerId == null),
            _ => cases,
        };
        if (!string.IsNullOrEmpty(filter.District))
        {
            var district = filter.District;
            var within = district + "/%";
            cases = cases.Where(c => c.Neighbourhood == district || EF.Functions.Like(c.Neighbourhood!, within));
        }
        if (filter.FirstTime) cases = cases.Where(c => c.FirstApplication);
        if (filter.Coached)
            cases = cases.Where(c => db.CoachGrants.Any(g => g.ApplicationId == c.ApplicationId)
                || db.Set<AssistedApplication>().Any(a => a.ApplicationId == c.ApplicationId));
        if (filter.NewOnly && newSince is { } since) cases = cases.Where(c => c.ReceivedAt > since);
        if (filter.Search?.Trim() is { Length: > 0 } search)
        {
            var pattern = "%" + search.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal)
                .Replace("_", "\\_", StringComparison.Ordinal) + "%";
            // Both through trigram indexes on the inbox's own rows (migration 0020): no look-up in another table per row.
            cases = cases.Where(c => EF.Functions.ILike(c.Reference, pattern) || EF.Functions.ILike(c.OrganisationName, pattern));
        }
        return cases;
    }

    /// <summary>Working days from today to the date: negative when it has passed.</summary>
    public static int DaysLeft(DateOnly today, DateOnly date, AtwCalendar calendar) =>
        date >= today ? calendar.WorkingDaysBetween(today, date) : -calendar.WorkingDaysBetween(date, today);

    public static Urgency UrgencyOf(DateOnly today, DateOnly date, AtwCalendar calendar) =>
        date < today ? Urgency.Past : DaysLeft(today, date, calendar) <= NearWorkingDays ? Urgency.Near : Urgency.None;

    /// <summary>The schemes to filter on (a few rows).</summary>
    private List<Scheme>? schemes;

    /// <summary>Every scheme, read once per request (the filter, the rows and the budget summary share them).</summary>
    public async Task<List<Scheme>> SchemesAsync() => schemes ??= await db.Schemes.AsNoTracking().OrderBy(s => s.Id).ToListAsync();

    /// <summary>The reviewer's settings, made on first use.</summary>
    public async Task<ReviewerSettings> SettingsAsync(Guid reviewerId)
    {
        if (await db.Set<ReviewerSettings>().SingleOrDefaultAsync(s => s.UserId == reviewerId) is { } settings) return settings;
        settings = new ReviewerSettings(reviewerId);
        db.Set<ReviewerSettings>().Add(settings);
        return settings;
    }
}
