using System.Text.RegularExpressions;

namespace Portal.Domain.Applications;

/// <summary>
/// The identity of one question of an application, "section.name" (e.g. "activity.title"), so a comment, a suggestion or
/// an information request can point at the question it is about. The longest answer a question takes is written here once:
/// the domain refuses a longer one, the page says the limit, the database column has it.
/// </summary>
public sealed partial record QuestionKey
{
    public const string ActivitySection = "activity";

    private QuestionKey(string section, string name, int? maxLength)
    {
        Section = section;
        Name = name;
        MaxLength = maxLength;
    }

    public string Section { get; }
    public string Name { get; }
    public int? MaxLength { get; }
    public string Value => $"{Section}.{Name}";

    public static readonly QuestionKey Title = new(ActivitySection, "title", 200);
    public static readonly QuestionKey Description = new(ActivitySection, "description", 4000);
    public static readonly QuestionKey ForWhom = new(ActivitySection, "for-whom", 2000);
    public static readonly QuestionKey Participants = new(ActivitySection, "participants", null);
    public static readonly QuestionKey Where = new(ActivitySection, "where", null);
    public static readonly QuestionKey When = new(ActivitySection, "when", null);
    public static readonly QuestionKey HowOthersJoin = new(ActivitySection, "join", 2000);
    public static readonly QuestionKey AnswerLanguage = new("application", "answer-language", null);
    /// <summary>The rows of the budget; each row's description takes at most 200 characters.</summary>
    public static readonly QuestionKey Costs = new("budget", "costs", 200);
    public static readonly QuestionKey Funding = new("budget", "funding", null);

    public static QuestionKey Attachment(Schemes.DocumentKind kind) => new("attachments", Kebab(kind.ToString()), null);

    /// <summary>The questions about the activity, in the order they are asked.</summary>
    public static readonly IReadOnlyList<QuestionKey> Activity = [Title, Description, ForWhom, Participants, Where, When, HowOthersJoin];

    public static IReadOnlyList<QuestionKey> All { get; } =
        [.. Activity, AnswerLanguage, Costs, Funding, .. Enum.GetValues<Schemes.DocumentKind>().Select(Attachment)];

    /// <summary>The key of "section.name", or null when there is no such question (a forged or outdated value).</summary>
    public static QuestionKey? Parse(string? value) => All.FirstOrDefault(q => q.Value == value);

    public override string ToString() => Value;

    private static string Kebab(string name) => UpperCase().Replace(name, m => (m.Index > 0 ? "-" : "") + m.Value.ToLowerInvariant());

    [GeneratedRegex("[A-Z]")]
    private static partial Regex UpperCase();
}
