using System.Text.Json;
using Portal.Domain.Applications;

namespace Portal.Domain.Decisions;

/// <summary>
/// The application as it was decided on, frozen as JSON on the decision: a later change (after a reopening, or a return with
/// suggestions) never changes what an earlier decision rested on.
/// </summary>
public static class ApplicationSnapshot
{
    public static string Of(Application application) => JsonSerializer.Serialize(new
    {
        application.Reference,
        application.AnswerLanguage,
        application.Title,
        application.Description,
        application.ForWhom,
        application.ParticipantCount,
        application.Neighbourhood,
        application.StartsOn,
        application.EndsOn,
        application.HowOthersJoin,
        Costs = application.BudgetLines.OrderBy(l => l.Position)
            .Select(l => new { Category = l.Category.ToString(), l.Description, l.AmountCents }),
        application.OwnContributionCents,
        application.OtherFundingCents,
        RequestedCents = application.Requested.Cents,
        Attachments = application.Attachments.Select(a => new { a.Id, a.FileName, Kind = a.Kind.ToString() }),
        application.SubmittedAt,
    });
}
