using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Comments;
using Portal.Domain.Common;

namespace Portal.Applications;

/// <summary>A coach's Dutch summary beside an answer in another language (PRODUCT principle 4): read, written, replaced.</summary>
public sealed class AnswerSummaries(PortalDbContext db, TimeProvider clock)
{
    private readonly Dictionary<Guid, IReadOnlyDictionary<string, AnswerSummary>> read = [];

    /// <summary>The summaries of one application by question key ("activity.title"); read once per request (check-your-answers shows four).</summary>
    public async Task<IReadOnlyDictionary<string, AnswerSummary>> OfAsync(Guid applicationId)
    {
        if (read.TryGetValue(applicationId, out var known)) return known;
        return read[applicationId] = await db.AnswerSummaries.AsNoTracking().Where(s => s.ApplicationId == applicationId)
            .ToDictionaryAsync(s => s.Question);
    }

    /// <summary>Writes the summary of one answer, or replaces the one there is.</summary>
    public async Task<AnswerSummary> WriteAsync(Application application, QuestionKey question, string? text, Actor by)
    {
        var now = clock.GetUtcNow();
        var summary = await db.AnswerSummaries.SingleOrDefaultAsync(s => s.ApplicationId == application.Id && s.Question == question.Value);
        if (summary is null)
        {
            summary = new AnswerSummary(application, question, text, by, now);
            db.AnswerSummaries.Add(summary);
        }
        else
        {
            summary.Rewrite(application, text, by, now);
        }
        await db.SaveChangesAsync();
        read.Remove(application.Id);
        return summary;
    }
}
