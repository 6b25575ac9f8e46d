using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Events;
using Portal.Domain.Review;
using Portal.Domain.Terms;

namespace Portal.Review;

/// <summary>
/// Keeps each submitted application's <see cref="ReviewCase"/> in step with it, in the same SaveChanges as the change: the
/// inbox filters and sorts on the case's columns (state, scheme, legal date…) with an index and no per-row work. Called by
/// the domain event recorder with the events of one save; only a change of state or decision term (a submission, a
/// request, a consent to delay, an extension) touches the case. The first submission makes it, so a draft never has one.
/// <para>
/// While a completeness request is open the term stands still and its end moves each day: the stored date is the one of
/// the day of the last change (earlier than the true one, so such an application sorts a little higher, never lower); the
/// inbox shows each row's dates computed afresh.
/// </para>
/// </summary>
public static class ReviewCaseKeeper
{
    public static async Task KeepAsync(PortalDbContext db, IReadOnlyList<DomainEvent> events, CancellationToken cancellationToken)
    {
        var touched = events.Where(ChangesTerm).Cast<ApplicationDomainEvent>().GroupBy(e => e.ApplicationId)
            .Select(g => (Id: g.Key, Now: g.Max(e => e.OccurredAt))).ToList();
        foreach (var (id, now) in touched)
        {
            if (db.ChangeTracker.Entries<Application>().FirstOrDefault(e => e.Entity.Id == id)?.Entity is not { SubmittedAt: not null } application)
                continue;
            var entry = db.Entry(application);
            if (entry.State != EntityState.Added)
            {
                // The term needs every request, consent and extension; a page that changed the state may not have loaded them.
                if (!entry.Collection(a => a.InformationRequests).IsLoaded) await entry.Collection(a => a.InformationRequests).LoadAsync(cancellationToken);
                if (!entry.Collection(a => a.DelayConsents).IsLoaded) await entry.Collection(a => a.DelayConsents).LoadAsync(cancellationToken);
                if (!entry.Collection(a => a.TermExtensions).IsLoaded) await entry.Collection(a => a.TermExtensions).LoadAsync(cancellationToken);
            }
            var scheme = db.Schemes.Local.FirstOrDefault(s => s.Id == application.SchemeId)
                ?? await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == application.SchemeId, cancellationToken);
            var term = application.DecisionTerm(scheme, AtwCalendar.Netherlands, now)!;
            var cases = db.Set<ReviewCase>();
            // A new application (one saved with its first submission) has no case in the database yet.
            var reviewCase = cases.Local.FirstOrDefault(c => c.ApplicationId == id)
                ?? (entry.State == EntityState.Added ? null : await cases.SingleOrDefaultAsync(c => c.ApplicationId == id, cancellationToken));
            if (reviewCase is null)
            {
                // The organisation may be new in this same save (demo data, a test): then it is only in the tracker.
                var group = db.Organisations.Local.FirstOrDefault(o => o.Id == application.OrganisationId) is { } known
                    ? (known.Name, known.FirstApplication)
                    : await db.Organisations.Where(o => o.Id == application.OrganisationId).Select(o => new ValueTuple<string, bool?>(o.Name, o.FirstApplication))
                        .SingleAsync(cancellationToken);
                var saidFirst = group.Item2;
                // A group new in this same save (demo data, the generator) has nothing in the database yet: only the tracker counts.
                var sentInBefore = db.Applications.Local.Any(a => a.OrganisationId == application.OrganisationId && a.Id != id && a.SubmittedAt != null)
                    || (db.Organisations.Local.FirstOrDefault(o => o.Id == application.OrganisationId) is not { } added
                        || db.Entry(added).State != EntityState.Added)
                    && await db.Applications.AnyAsync(a => a.OrganisationId == application.OrganisationId && a.Id != id && a.SubmittedAt != null,
                        cancellationToken);
                // First-time: nothing sent in before through the portal, and the group did not say it applied before elsewhere.
                reviewCase = new ReviewCase(id, application.OrganisationId, group.Item1, !sentInBefore && saidFirst != false);
                cases.Add(reviewCase);
            }
            reviewCase.Follow(application, term, NijmegenTime.DayOf(now));
        }
        // A group that renamed itself is found by its new name.
        foreach (var renamed in events.OfType<Domain.Organisations.OrganisationChanged>().Where(e => e.Part == "name").Select(e => e.OrganisationId).Distinct())
        {
            var name = db.Organisations.Local.First(o => o.Id == renamed).Name;
            foreach (var reviewCase in await db.Set<ReviewCase>().Where(c => c.OrganisationId == renamed).ToListAsync(cancellationToken))
                reviewCase.GroupRenamed(name);
        }
    }

    private static bool ChangesTerm(DomainEvent e) => e is ApplicationStatusChanged or InformationRequestSent or InformationRequestClosed
        or DelayConsentRecorded or DecisionTermExtended;
}
