using System.Globalization;
using Portal.Applications;
using Portal.Domain.Applications;
using Portal.Domain.Common;

namespace Portal.Pages.Applications.Activity;

public enum QuestionKind
{
    ShortText,
    LongText,
    Number,
    Neighbourhood,
    Dates,
}

/// <summary>What the applicant types on one question page. Only the fields of that question are posted.</summary>
public sealed class ActivityInput
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? ForWhom { get; set; }
    public string? Participants { get; set; }
    public string? Neighbourhood { get; set; }
    public TypedDate StartsOn { get; set; } = new();
    public TypedDate EndsOn { get; set; } = new();
    public string? HowOthersJoin { get; set; }

    public static ActivityInput From(Application application) => new()
    {
        Title = application.Title,
        Description = application.Description,
        ForWhom = application.ForWhom,
        Participants = application.ParticipantCount?.ToString(CultureInfo.InvariantCulture),
        Neighbourhood = application.Neighbourhood,
        StartsOn = TypedDate.From(application.StartsOn),
        EndsOn = TypedDate.From(application.EndsOn),
        HowOthersJoin = application.HowOthersJoin,
    };
}

/// <summary>All answers about the activity: a save replaces the answer of one question and keeps the others.</summary>
public sealed record ActivityAnswers(string? Title, string? Description, string? ForWhom, int? ParticipantCount, string? Neighbourhood,
    DateOnly? StartsOn, DateOnly? EndsOn, string? HowOthersJoin)
{
    public static ActivityAnswers Of(Application a) =>
        new(a.Title, a.Description, a.ForWhom, a.ParticipantCount, a.Neighbourhood, a.StartsOn, a.EndsOn, a.HowOthersJoin);

    public void ApplyTo(Application application, Actor by, DateTimeOffset now) =>
        application.DescribeActivity(Title, Description, ForWhom, ParticipantCount, Neighbourhood, StartsOn, EndsOn, HowOthersJoin, by, now);
}

/// <summary>
/// One question of "About your activity", one page each (PRODUCT.md journey A.5). Texts are the resources
/// "{Key}.Label", "{Key}.Hint", "{Key}.Help" and "{Key}.Example".
/// </summary>
public sealed record ActivityQuestion(string Slug, string Key, QuestionKind Kind, string Field)
{
    public static readonly IReadOnlyList<ActivityQuestion> All =
    [
        new("title", "Activity.Title", QuestionKind.ShortText, nameof(ActivityInput.Title)),
        new("description", "Activity.Description", QuestionKind.LongText, nameof(ActivityInput.Description)),
        new("for-whom", "Activity.ForWhom", QuestionKind.LongText, nameof(ActivityInput.ForWhom)),
        new("participants", "Activity.Participants", QuestionKind.Number, nameof(ActivityInput.Participants)),
        new("where", "Activity.Where", QuestionKind.Neighbourhood, nameof(ActivityInput.Neighbourhood)),
        new("when", "Activity.When", QuestionKind.Dates, DateField(nameof(ActivityInput.StartsOn), DatePart.Day)),
        new("join", "Activity.Join", QuestionKind.LongText, nameof(ActivityInput.HowOthersJoin)),
    ];

    public static ActivityQuestion? Find(string? slug) => All.FirstOrDefault(q => q.Slug == slug);

    public int Number => All.ToList().IndexOf(this) + 1;
    public ActivityQuestion? Previous => Number > 1 ? All[Number - 2] : null;
    public ActivityQuestion? Next => Number < All.Count ? All[Number] : null;
    public bool IsFirst => Number == 1;

    /// <summary>The first question without an answer: where "About your activity" continues.</summary>
    public static ActivityQuestion FirstUnanswered(Application application) =>
        All.FirstOrDefault(q => q.Stored(ActivityAnswers.Of(application)) is "" or "|") ?? All[0];

    /// <summary>The answer as one comparable string: two saves of the same answer give the same string.</summary>
    public string Stored(ActivityAnswers answers) => Slug switch
    {
        "title" => TypedAnswers.Canonical(answers.Title),
        "description" => TypedAnswers.Canonical(answers.Description),
        "for-whom" => TypedAnswers.Canonical(answers.ForWhom),
        "participants" => answers.ParticipantCount?.ToString(CultureInfo.InvariantCulture) ?? "",
        "where" => answers.Neighbourhood ?? "",
        "when" => $"{Iso(answers.StartsOn)}|{Iso(answers.EndsOn)}",
        "join" => TypedAnswers.Canonical(answers.HowOthersJoin),
        _ => throw new InvalidOperationException(Slug),
    };

    /// <summary>
    /// Reads this question's typed answer into a copy of <paramref name="current"/>. Returns the field errors as
    /// (field, resource key); the domain checks the rest when the answers are applied.
    /// </summary>
    public IReadOnlyList<(string Field, string Key)> TryRead(ActivityInput input, ActivityAnswers current, out ActivityAnswers updated)
    {
        var errors = new List<(string, string)>();
        updated = current;
        switch (Slug)
        {
            case "title": updated = current with { Title = input.Title }; break;
            case "description": updated = current with { Description = input.Description }; break;
            case "for-whom": updated = current with { ForWhom = input.ForWhom }; break;
            case "join": updated = current with { HowOthersJoin = input.HowOthersJoin }; break;
            case "where": updated = current with { Neighbourhood = string.IsNullOrWhiteSpace(input.Neighbourhood) ? null : input.Neighbourhood }; break;
            case "participants":
                if (TypedAnswers.TryParseCount(input.Participants, out var count, out var countError)) updated = current with { ParticipantCount = count };
                else errors.Add((nameof(ActivityInput.Participants), countError!));
                break;
            case "when":
                var startRefused = input.StartsOn.TryRead(out var start);
                var endRefused = input.EndsOn.TryRead(out var end);
                if (startRefused is not null) errors.Add((DateField(nameof(ActivityInput.StartsOn), startRefused.Part), startRefused.Key));
                if (endRefused is not null) errors.Add((DateField(nameof(ActivityInput.EndsOn), endRefused.Part), endRefused.Key));
                // Whether an end date without a start makes sense is the domain's rule (Activity.Dates.StartMissing).
                if (startRefused is null && endRefused is null) updated = current with { StartsOn = start, EndsOn = end };
                break;
        }
        return errors;
    }

    /// <summary>Which field a domain refusal belongs to on this page.</summary>
    public string FieldFor(string messageKey) => messageKey switch
    {
        "Activity.Dates.EndBeforeStart" => DateField(nameof(ActivityInput.EndsOn), DatePart.Whole),
        "Activity.Dates.StartMissing" => DateField(nameof(ActivityInput.StartsOn), DatePart.Whole),
        _ => Field,
    };

    /// <summary>
    /// The form field a date refusal is shown at: the field of the wrong part, or for the whole date its first field
    /// (dag), so that the error summary's link lands in the date.
    /// </summary>
    public static string DateField(string date, DatePart part) =>
        $"{date}.{(part == DatePart.Whole ? DatePart.Day : part)}";

    /// <summary>A date with some of its three fields still empty: an autosave waits until the person has typed it all.</summary>
    public bool IsBeingTyped(ActivityInput input) => Kind == QuestionKind.Dates && (input.StartsOn.IsPartial || input.EndsOn.IsPartial);

    /// <summary>The question's identity in the domain: its page address is the key's name ("activity.for-whom" → "for-whom").</summary>
    public QuestionKey Identity => QuestionKey.Activity.Single(k => k.Name == Slug);

    /// <summary>The most characters the domain accepts for this answer (written once, on the <see cref="QuestionKey"/>), or null.</summary>
    public int? MaxLength => Identity.MaxLength;

    private static string Iso(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
