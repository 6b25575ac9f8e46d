using Microsoft.EntityFrameworkCore;
using Portal.Coaching;
using Portal.Data;
using Portal.Domain.Coaching;
using Portal.Domain.Events;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Web;

namespace Portal.Infrastructure.Events;

/// <summary>
/// The mail that coaching events cause, in the same SaveChanges: the person hears who their coach is and who takes over;
/// an escalation reaches every coach and the admin; an overdue request its coach. New offers are not mailed here: the
/// <see cref="CoachNotifier"/> bundles them.
/// </summary>
internal static class CoachingMail
{
    public static async Task FromAsync(PortalDbContext db, IReadOnlyList<DomainEvent> events, IServiceProvider services,
        CancellationToken cancellationToken)
    {
        var mailing = events.OfType<HelpRequestEvent>()
            .Where(e => e is HelpRequestClaimed or HelpRequestHandedOver or HelpRequestOverdue or HelpRequestOffered { Reason: OfferReason.Escalation })
            .ToList();
        if (mailing.Count == 0) return;
        var clock = services.GetRequiredService<TimeProvider>();
        var text = services.GetRequiredService<PortalText>();
        var emails = new CoachingEmails(db, new EmailOutbox(db, clock, text), text, services.GetRequiredService<PublicLinks>());
        foreach (var happened in mailing)
        {
            var request = db.HelpRequests.Local.Single(r => r.Id == happened.HelpRequestId);
            switch (happened)
            {
                case HelpRequestClaimed claimed:
                    if (await ProfileAsync(db, claimed.CoachId, cancellationToken) is { } coach) await emails.ClaimedAsync(request, coach);
                    break;
                case HelpRequestHandedOver handedOver:
                    if (await ProfileAsync(db, handedOver.FromCoachId, cancellationToken) is { } from
                        && await ProfileAsync(db, handedOver.ToCoachId, cancellationToken) is { } to
                        && await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == to.UserId, cancellationToken) is { Email: not null } toUser)
                        await emails.HandedOverAsync(request, from, to, toUser);
                    break;
                case HelpRequestOverdue overdue:
                    await emails.OverdueAsync(request, overdue.CoachId);
                    break;
                case HelpRequestOffered:
                    await emails.EscalatedAsync(request);
                    break;
            }
        }
    }

    private static Task<CoachProfile?> ProfileAsync(PortalDbContext db, Guid coachId, CancellationToken cancellationToken) =>
        db.CoachProfiles.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == coachId, cancellationToken);
}
