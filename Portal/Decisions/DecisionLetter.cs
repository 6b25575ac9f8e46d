using Portal.Domain.Decisions;

namespace Portal.Decisions;

/// <summary>
/// One piece of a letter: a paragraph, or an item of a list. <see cref="Own"/> marks words the applicant or the reviewer
/// wrote themselves (a title, feedback): shown as they are, in their own direction (dir="auto"), never translated.
/// </summary>
public sealed record LetterBlock(string Text, bool IsItem = false, bool Own = false);

public sealed record LetterSection(string Heading, IReadOnlyList<LetterBlock> Blocks);

/// <summary>The summary beside the Dutch letter in the applicant's language, which says that the Dutch text counts.</summary>
public sealed record LetterSummary(string Language, bool RightToLeft, string Heading, IReadOnlyList<LetterBlock> Blocks, string DutchCounts);

/// <summary>
/// A decision letter as words, before any layout: the page, the print view and the PDF all show this one model, so the
/// three can never say different things. The Dutch letter is the legal text; <see cref="Translation"/> only helps.
/// </summary>
public sealed record DecisionLetter(
    Guid DecisionId,
    Guid ApplicationId,
    int Number,
    DecisionKind Kind,
    bool Stands,
    bool Sent,
    DateOnly LastDayToObject,
    string Municipality,
    string Title,
    IReadOnlyList<(string Label, string Value)> Facts,
    string Salutation,
    IReadOnlyList<LetterBlock> Summary,
    IReadOnlyList<LetterSection> Sections,
    IReadOnlyList<string> Closing,
    string? NoLongerStands,
    LetterSummary? Translation)
{
    /// <summary>
    /// The Dutch words the municipality wrote, in reading order, without what the applicant or reviewer typed themselves:
    /// what the plain-language rules (<see cref="Domain.Assessment.PlainLanguage"/>) hold the letter to.
    /// </summary>
    public IEnumerable<string> OurDutchTexts =>
        new[] { Title }.Concat(Summary.Where(b => !b.Own).Select(b => b.Text))
            .Concat(Sections.SelectMany(s => s.Blocks.Where(b => !b.Own).Select(b => b.Text).Prepend(s.Heading)))
            .Concat(Closing);
}
