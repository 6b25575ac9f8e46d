using System.Globalization;

namespace Portal.Applications;

/// <summary>The part of a typed date a refusal is about: the whole date, or one of its three fields.</summary>
public enum DatePart { Whole, Day, Month, Year }

/// <summary>Why a typed date was refused: a resource key and the field it belongs to.</summary>
public sealed record DateRefusal(DatePart Part, string Key);

/// <summary>
/// A date as typed into three fields, dag / maand / jaar (NL Design System and GOV.UK date input). Forgiving the way
/// people type: "3" and "03", a month as a number or a name in Dutch, English or Arabic ("maart", "mrt", "March",
/// "مارس", "آذار"), Arabic-Indic digits, a two-digit year.
/// </summary>
public sealed class TypedDate
{
    public string? Day { get; set; }
    public string? Month { get; set; }
    public string? Year { get; set; }

    /// <summary>The three fields of a stored date, the way a person would write them (14, 6, 2026).</summary>
    public static TypedDate From(DateOnly? date) => date is { } d
        ? new() { Day = Number(d.Day), Month = Number(d.Month), Year = Number(d.Year) }
        : new();

    /// <summary>Nothing typed in any field: the question is not answered yet.</summary>
    public bool IsEmpty => Parts.All(p => TypedAnswers.Normalise(p).Length == 0);

    /// <summary>Some fields typed and others not: the person is still typing (autosave waits) or forgot one.</summary>
    public bool IsPartial => !IsEmpty && Parts.Any(p => TypedAnswers.Normalise(p).Length == 0);

    private string?[] Parts => [Day, Month, Year];

    /// <summary>Reads the date; empty is null. Returns the refusal of the first field that cannot be read.</summary>
    public DateRefusal? TryRead(out DateOnly? date)
    {
        date = null;
        if (IsEmpty) return null;
        var day = TypedAnswers.Normalise(Day);
        var month = TypedAnswers.Normalise(Month);
        var year = TypedAnswers.Normalise(Year);
        if (day.Length == 0) return new(DatePart.Day, "Activity.Dates.DayMissing");
        if (month.Length == 0) return new(DatePart.Month, "Activity.Dates.MonthMissing");
        if (year.Length == 0) return new(DatePart.Year, "Activity.Dates.YearMissing");
        if (!TryNumber(day, 1, 31, out var d)) return new(DatePart.Day, "Activity.Dates.Day");
        if (!TryMonth(month, out var m)) return new(DatePart.Month, "Activity.Dates.Month");
        if (!TryYear(year, out var y)) return new(DatePart.Year, "Activity.Dates.Year");
        if (d > DateTime.DaysInMonth(y, m)) return new(DatePart.Whole, "Activity.Dates.Invalid");
        date = new DateOnly(y, m, d);
        return null;
    }

    /// <summary>
    /// Month names and their usual short forms, lower case, January first. Arabic has two sets in daily use: the
    /// Egyptian/Gulf names and the Levantine/Iraqi ones. A new site language adds its line here.
    /// </summary>
    private static readonly string[][] MonthNames =
    [
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"],
        ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"],
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sept", "oct", "nov", "dec"],
        ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"],
        ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"],
    ];

    private static bool TryMonth(string typed, out int month)
    {
        if (TryNumber(typed, 1, 12, out month)) return true;
        var name = Simplify(typed);
        foreach (var names in MonthNames)
        {
            var index = Array.FindIndex(names, n => Simplify(n) == name);
            if (index >= 0)
            {
                month = index + 1;
                return true;
            }
        }
        return false;
    }

    /// <summary>Four digits from 2000 to 2100 (a year outside it is a typing error, not a plan), or two digits for 20xx.</summary>
    private static bool TryYear(string typed, out int year)
    {
        if (typed.Length == 2 && TryNumber(typed, 0, 99, out var shortYear))
        {
            year = 2000 + shortYear;
            return true;
        }
        return TryNumber(typed, 2000, 2100, out year) && typed.Length == 4;
    }

    private static bool TryNumber(string typed, int min, int max, out int value) =>
        int.TryParse(typed, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;

    /// <summary>Lower case, no dot at the end ("Mrt."), no hamza on the alif ("ابريل" = "أبريل"), single spaces.</summary>
    private static string Simplify(string name) =>
        string.Join(' ', name.ToLowerInvariant().TrimEnd('.').Replace('أ', 'ا').Replace('إ', 'ا').Replace('آ', 'ا')
            .Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
