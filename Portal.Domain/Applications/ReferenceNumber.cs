using System.Globalization;
using System.Text.RegularExpressions;

namespace Portal.Domain.Applications;

/// <summary>
/// The reference an applicant quotes on the phone: NIJ-2026-00042. The number comes from a database sequence,
/// so two submissions at the same moment never share one.
/// </summary>
public static partial class ReferenceNumber
{
    public static string Format(int year, long number)
    {
        if (number is < 1 or > 99_999) throw new ArgumentOutOfRangeException(nameof(number), "A reference number has five digits.");
        return string.Create(CultureInfo.InvariantCulture, $"NIJ-{year:0000}-{number:00000}");
    }

    public static bool IsValid(string? reference) => reference is not null && Pattern().IsMatch(reference);

    [GeneratedRegex(@"^NIJ-\d{4}-\d{5}$")]
    private static partial Regex Pattern();
}
