namespace Portal.Domain.Common;

/// <summary>
/// Unicode directional isolates for values put into running text: an amount, a date, a time or a file size inside an
/// Arabic sentence keeps its own direction and stays one unit, also in a plain-text email where no HTML <c>bdi</c>
/// can help. Without them "€ 1.300,50" inside Arabic text falls apart into "1.300,50 €", and in "(1 kB, 2 ديسمبر 2026)"
/// the Latin unit, the comma and the day run together.
/// </summary>
public static class Bidi
{
    public const char LeftToRightIsolate = '\u2066';
    public const char FirstStrongIsolate = '\u2068';
    public const char PopDirectionalIsolate = '\u2069';

    /// <summary>Always left to right, whatever surrounds it: amounts, times, codes.</summary>
    public static string LeftToRight(string value) => LeftToRightIsolate + value + PopDirectionalIsolate;

    /// <summary>In the direction of its own first letter: a date "2 ديسمبر 2026" right to left, "2 december 2026" left to right.</summary>
    public static string Isolate(string value) => FirstStrongIsolate + value + PopDirectionalIsolate;

    /// <summary>Removes the directional marks, embeddings and isolates of Unicode (what a copied amount brings along).</summary>
    public static string WithoutControls(string value) =>
        value.IndexOfAny(Controls) < 0 ? value : string.Concat(value.Where(c => Array.IndexOf(Controls, c) < 0));

    private static readonly char[] Controls =
        ['\u200E', '\u200F', '\u061C', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
}
