using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Portal.Domain.Schemes;

namespace Portal.Pages.Schemes;

/// <summary>
/// The answers of the anonymous quick check travel in the query string, one parameter per question key
/// ("?InNijmegen=yes&amp;Together=dontknow"): nothing is stored, no cookie is needed, and the back button and
/// JavaScript-off browsers work.
/// </summary>
public static class QuickCheckAnswers
{
    public static string Code(QuickCheckAnswer answer) => answer switch
    {
        QuickCheckAnswer.Yes => "yes",
        QuickCheckAnswer.No => "no",
        _ => "dontknow",
    };

    public static QuickCheckAnswer? Parse(string? value) => value switch
    {
        "yes" => QuickCheckAnswer.Yes,
        "no" => QuickCheckAnswer.No,
        "dontknow" => QuickCheckAnswer.DontKnow,
        _ => null,
    };

    /// <summary>The answers in the query to this scheme's questions; anything else is ignored.</summary>
    public static Dictionary<string, QuickCheckAnswer> Read(IQueryCollection query, IReadOnlyList<QuickCheckQuestion> questions)
    {
        var answers = new Dictionary<string, QuickCheckAnswer>();
        foreach (var question in questions)
            if (Parse(query[question.Key].FirstOrDefault()) is { } answer) answers[question.Key] = answer;
        return answers;
    }

    /// <summary>The value of <c>from</c> on a question opened to change one answer from the result.</summary>
    public const string FromResult = "result";

    public static string QuestionUrl(IUrlHelper url, string slug, int number, IReadOnlyDictionary<string, QuickCheckAnswer> answers,
        IReadOnlyList<QuickCheckQuestion> questions) =>
        WithAnswers(url.Page("/Schemes/Check", new { slug, n = number })!, answers, questions);

    /// <summary>One question opened from the result: after answering it, the result again.</summary>
    public static string ChangeUrl(IUrlHelper url, string slug, int number, IReadOnlyDictionary<string, QuickCheckAnswer> answers,
        IReadOnlyList<QuickCheckQuestion> questions) =>
        QueryHelpers.AddQueryString(QuestionUrl(url, slug, number, answers, questions), "from", FromResult);

    public static string ResultUrl(IUrlHelper url, string slug, IReadOnlyDictionary<string, QuickCheckAnswer> answers,
        IReadOnlyList<QuickCheckQuestion> questions) =>
        WithAnswers(url.Page("/Schemes/CheckResult", new { slug })!, answers, questions);

    /// <summary>The answers go into the query one by one, in the order of the questions.</summary>
    private static string WithAnswers(string path, IReadOnlyDictionary<string, QuickCheckAnswer> answers, IReadOnlyList<QuickCheckQuestion> questions)
    {
        var url = path;
        foreach (var question in questions)
            if (answers.TryGetValue(question.Key, out var answer)) url = QueryHelpers.AddQueryString(url, question.Key, Code(answer));
        return url;
    }
}
