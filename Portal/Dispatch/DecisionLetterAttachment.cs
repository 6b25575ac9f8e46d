using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Decisions;
using Portal.Domain.Email;
using Portal.Pages.Applications;

namespace Portal.Dispatch;

/// <summary>
/// The decision letter as a PDF with the email that makes the decision known. It is written when the email is sent, as sent
/// that day, so its last day to object counts from the sending day (as the decision's will, <see cref="DispatchFollower"/>);
/// once the decision has been sent — a second recipient, a retry — it is the document kept on file. Its summary beside the
/// Dutch is the kept document's (the group's answer language), so every recipient reads the letter that is on file.
/// </summary>
public sealed class DecisionLetterAttachment(PortalDbContext db, DecisionDocuments documents, TimeProvider clock) : IMailAttachments
{
    public async Task<IReadOnlyList<MailAttachment>> ForAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var decision = await (from dispatch in db.DecisionDispatches.FromSqlInterpolated(
                                  $"""SELECT * FROM "DecisionDispatches" WHERE "EmailMessageIds" @> ARRAY[{message.Id}]::uuid[]""")
                              join d in db.Decisions on dispatch.DecisionId equals d.Id
                              join a in db.Applications on d.ApplicationId equals a.Id
                              select new { d.Id, d.Number, a.Reference })
            .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
        if (decision is null) return [];
        var pdf = await documents.SendingAsync(decision.Id, clock.GetUtcNow(), cancellationToken);
        return pdf is null ? [] : [new MailAttachment(DecisionFiles.Name(decision.Reference, decision.Number), "application/pdf", pdf)];
    }
}
