using Portal.Domain.Applications;
using Portal.Pages.Applications.Activity;

namespace Portal.Applications;

/// <summary>
/// The questions a reviewer can put a suggestion at when returning an application (issue 12, point 8): the questions about
/// the activity and the two budget questions. Each has its label and the page where the applicant changes the answer.
/// </summary>
public static class SuggestionQuestions
{
    public static readonly IReadOnlyList<QuestionKey> All = [.. QuestionKey.Activity, QuestionKey.Costs, QuestionKey.Funding];

    private static ActivityQuestion? Activity(QuestionKey key) =>
        key.Section == QuestionKey.ActivitySection ? ActivityQuestion.All.FirstOrDefault(q => q.Slug == key.Name) : null;

    /// <summary>The resource key of the question's label.</summary>
    public static string LabelKey(QuestionKey key) => Activity(key) is { } question ? question.Key + ".Label" : "Suggestion.Question." + key.Name;

    /// <summary>The page where the applicant answers the question.</summary>
    public static string Href(Guid applicationId, QuestionKey key) =>
        Activity(key) is { } question ? $"/applications/{applicationId}/activity/{question.Slug}" : $"/applications/{applicationId}/budget";
}
