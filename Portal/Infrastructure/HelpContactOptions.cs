using System.Globalization;
using Microsoft.Extensions.Localization;
using Portal.Domain.Common;

namespace Portal.Infrastructure;

/// <summary>The help contact shown on every page (PRODUCT.md principle 3). Configurable per municipality.</summary>
public sealed class HelpContactOptions
{
    public string Phone { get; set; } = "14 024";
    public string PhoneLink { get; set; } = "+3114024";
    public string Email { get; set; } = "subsidiehulp@nijmegen.example";
    /// <summary>ISO weekday numbers (1 = Monday) with walk-in hours; day names are shown in the page's language.</summary>
    public int[] WalkInDays { get; set; } = [];
    public string WalkInFrom { get; set; } = "09:00";
    public string WalkInUntil { get; set; } = "12:00";
    public string WalkInPlace { get; set; } = "Stadswinkel, Korte Nieuwstraat 6, Nijmegen";
}

/// <summary>The walk-in hours of <see cref="HelpContactOptions"/> in the page's words: the footer and the help page say the same.</summary>
public static class HelpContact
{
    /// <summary>
    /// "Kom langs op dinsdag en donderdag, van 09:00 tot 12:00.": the days as a list in the page's language, each time
    /// isolated left to right, so that in Arabic "12:00" stays as it is and no punctuation lands beside it.
    /// </summary>
    public static string WalkIn(HelpContactOptions help, IStringLocalizer text, CultureInfo culture) =>
        text["Layout.Contact.WalkIn", WalkInDays(help, text, culture), Bidi.LeftToRight(help.WalkInFrom), Bidi.LeftToRight(help.WalkInUntil)];

    /// <summary>"dinsdag en donderdag", "Tuesday and Thursday", "الثلاثاء والخميس"; three days: "maandag, dinsdag en donderdag".</summary>
    public static string WalkInDays(HelpContactOptions help, IStringLocalizer text, CultureInfo culture)
    {
        var days = help.WalkInDays.Select(d => culture.DateTimeFormat.GetDayName((DayOfWeek)(d % 7))).ToList();
        return days.Count switch
        {
            0 => "",
            1 => days[0],
            _ => text["List.And", string.Join(text["List.Comma"], days[..^1]), days[^1]],
        };
    }
}
