namespace Portal.Pages.Organisations;

public sealed record RadioOption(string Value, string LabelKey, string? HintKey = null);

/// <summary>
/// A question answered with one choice, rendered by _RadioGroup: fieldset, legend, hint, error, and one radio per option.
/// With <see cref="Several"/> it takes any number of choices (checkboxes), those in <see cref="SelectedSeveral"/> ticked.
/// </summary>
public sealed record RadioGroup(string Name, string LegendKey, string? HintKey, IReadOnlyList<RadioOption> Options, string? Selected,
    bool LegendIsHeading = true)
{
    public IReadOnlyCollection<string>? SelectedSeveral { get; init; }
    public bool Several => SelectedSeveral is not null;

    public static RadioGroup YesNo(string name, string legendKey, string? hintKey, bool? selected) =>
        new(name, legendKey, hintKey, [new("true", "Organisation.Yes"), new("false", "Organisation.No")],
            selected switch { true => "true", false => "false", null => null });
}
