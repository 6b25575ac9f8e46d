using Portal.Domain.Common;
using Portal.Domain.Organisations;

namespace Portal.Pages.Organisations;

/// <summary>Name and kind: the first page, shared by "new organisation" and "change name".</summary>
public sealed class NameInput
{
    public const int MaxNameLength = 200;

    // Text, not enums: a forged value is then a plain error, not a model-binding message in English.
    public string? Name { get; set; }
    public string? Kind { get; set; }

    public OrganisationKind? ParsedKind =>
        Enum.GetNames<OrganisationKind>().Contains(Kind) ? Enum.Parse<OrganisationKind>(Kind!) : null;

    public RadioGroup KindGroup => new("Input.Kind", "Organisation.Kind.Legend", null,
        [
            new(nameof(OrganisationKind.InformalGroup), "Organisation.Kind.InformalGroup", "Organisation.Kind.InformalGroup.Hint"),
            new(nameof(OrganisationKind.Association), "Organisation.Kind.Association", "Organisation.Kind.Association.Hint"),
            new(nameof(OrganisationKind.Foundation), "Organisation.Kind.Foundation", "Organisation.Kind.Foundation.Hint"),
            new(nameof(OrganisationKind.Other), "Organisation.Kind.Other", "Organisation.Kind.Other.Hint"),
        ], Kind, LegendIsHeading: false);

    /// <returns>Field name and message key of each error.</returns>
    public IEnumerable<(string Field, string Key)> Errors()
    {
        // What would be stored: a name of only invisible characters is no name.
        var visible = UserText.WithoutInvisibleFormatting(Name ?? "").Trim();
        if (visible.Length == 0) yield return ("Input.Name", "Organisation.Name.Required");
        else if (UserText.NameProblem(Name) is { } problem) yield return ("Input.Name", problem);
        else if (visible.Length > MaxNameLength) yield return ("Input.Name", "Organisation.Name.TooLong");
        if (ParsedKind is null) yield return ("Input.Kind", "Organisation.Kind.Required");
    }
}

public interface INameAndKindPage
{
    NameInput Input { get; }
}
