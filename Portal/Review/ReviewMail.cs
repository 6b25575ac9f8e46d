using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Events;
using Portal.Domain.Review;
using Portal.Infrastructure.Email;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Web;

namespace Portal.Review;

/// <summary>
/// Mail to reviewers from review events: a reviewer who receives an application by hand-over is told, with the note, when
/// they chose to be emailed about each event (<see cref="ReviewerSettings"/>). A reviewer who chose "never" or the daily
/// digest gets nothing here (the digest itself is not sent yet: see docs/decisions/0014).
/// </summary>
public static class ReviewMail
{
    public static async Task FromAsync(PortalDbContext db, IReadOnlyList<DomainEvent> events, IServiceProvider? services,
        CancellationToken cancellationToken)
    {
        if (services is null) return;
        var handovers = events.OfType<ReviewerAssigned>().Where(e => e.Note is not null && e.Actor.UserId != e.ReviewerId).ToList();
        if (handovers.Count == 0) return;
        var text = services.GetRequiredService<PortalText>();
        var outbox = new EmailOutbox(db, services.GetRequiredService<TimeProvider>(), text);
        var links = services.GetRequiredService<PublicLinks>();
        foreach (var handover in handovers)
        {
            var receiver = await db.Users.AsNoTracking().Where(u => u.Id == handover.ReviewerId && u.Email != null)
                .Select(u => new
                {
                    User = u,
                    Frequency = db.Set<ReviewerSettings>().Where(s => s.UserId == u.Id).Select(s => (ReviewEmailFrequency?)s.EmailFrequency)
                        .FirstOrDefault(),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (receiver is null || (receiver.Frequency ?? ReviewEmailFrequency.EachEvent) != ReviewEmailFrequency.EachEvent) continue;
            var from = handover.Actor.UserId is { } fromId
                ? await db.Users.AsNoTracking().Where(u => u.Id == fromId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken)
                : null;
            var reference = db.Set<ReviewCase>().Local.FirstOrDefault(c => c.ApplicationId == handover.ApplicationId)?.Reference ?? "";
            outbox.Enqueue(receiver.User.Email!, receiver.User.PreferredLanguage, _ =>
                (text["Review.Email.HandedOver.Subject", reference],
                    text["Review.Email.HandedOver.Body", from ?? "-", reference, "> " + handover.Note,
                        links.Page("/Review/Applications/Index", new { id = handover.ApplicationId })]));
        }
    }
}
