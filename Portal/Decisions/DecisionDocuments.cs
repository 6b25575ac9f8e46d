using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Decisions.Pdf;
using Portal.Domain.Languages;
using Portal.Domain.Organisations;
using Portal.Infrastructure.Localization;

namespace Portal.Decisions;

/// <summary>
/// The decision letter as a PDF, for the pages and for whoever sends it (email attachment, the printed letter for post).
/// Once a decision has been sent, its PDF is kept (<see cref="DecisionDocument"/>) and every later download is that same
/// document; before sending it is written fresh each time (its last day to object still moves with the sending day).
/// </summary>
public sealed class DecisionDocuments(PortalDbContext db, DecisionLetters letters, PortalText text, TimeProvider clock)
{
    /// <summary>
    /// The PDF of the decision, or null when there is no such decision. <paramref name="summaryLanguage"/> chooses the summary
    /// beside the Dutch letter; null: the language the group answered in, or else a member's language. A sent decision's kept
    /// document is returned as it is.
    /// </summary>
    public async Task<byte[]?> PdfAsync(Guid decisionId, string? summaryLanguage = null, CancellationToken cancellationToken = default)
    {
        if (await StoredAsync(decisionId, cancellationToken) is { } stored) return stored;
        if (await letters.SourceAsync(decisionId, cancellationToken) is not { } source) return null;
        var language = summaryLanguage ?? await DefaultSummaryLanguageAsync(source, cancellationToken);
        var pdf = Render(source, language);
        if (source.Decision.SentAt is null) return pdf;
        return await KeepAsync(decisionId, pdf, language, cancellationToken);
    }

    /// <summary>Keeps the PDF of a sent decision on file now (the sender calls this when it sends), and returns what is kept.</summary>
    public async Task<byte[]?> KeepAsync(Guid decisionId, string? summaryLanguage = null, CancellationToken cancellationToken = default)
    {
        if (await StoredAsync(decisionId, cancellationToken) is { } stored) return stored;
        if (await letters.SourceAsync(decisionId, cancellationToken) is not { } source) return null;
        var language = summaryLanguage ?? await DefaultSummaryLanguageAsync(source, cancellationToken);
        return await KeepAsync(decisionId, Render(source, language), language, cancellationToken);
    }

    /// <summary>
    /// The PDF that goes with the email sending the decision at <paramref name="at"/>: the kept document once the decision has
    /// been sent (a second recipient, a retry), else the letter written as sent at that moment, with the summary the kept
    /// document will have. Null when there is no such decision.
    /// </summary>
    public async Task<byte[]?> SendingAsync(Guid decisionId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (await StoredAsync(decisionId, cancellationToken) is { } stored) return stored;
        if (await letters.SourceAsync(decisionId, cancellationToken) is not { } source) return null;
        return Render(source with { SendingAt = at }, await DefaultSummaryLanguageAsync(source, cancellationToken));
    }

    /// <summary>The letter as a PDF, Dutch with the summary in <paramref name="summaryLanguage"/> (none for null or Dutch).</summary>
    public byte[] Render(LetterSource source, string? summaryLanguage)
    {
        var letter = letters.Write(source, summaryLanguage);
        string pageText;
        using (UiCulture.Use(CultureInfo.GetCultureInfo(Languages.Default))) pageText = text["Letter.Page"].Value;
        return LetterPdf.Write(letter, pageText);
    }

    private async Task<byte[]?> StoredAsync(Guid decisionId, CancellationToken cancellationToken) =>
        await db.DecisionDocuments.AsNoTracking().Where(d => d.DecisionId == decisionId).Select(d => d.Content).SingleOrDefaultAsync(cancellationToken);

    private async Task<byte[]> KeepAsync(Guid decisionId, byte[] pdf, string? language, CancellationToken cancellationToken)
    {
        var document = new DecisionDocument { DecisionId = decisionId, Content = pdf, SummaryLanguage = language, CreatedAt = clock.GetUtcNow() };
        db.DecisionDocuments.Add(document);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return pdf;
        }
        catch (DbUpdateException)
        {
            // Two requests kept it at the same moment: the first one's document is the one on file.
            db.Entry(document).State = EntityState.Detached;
            return await StoredAsync(decisionId, cancellationToken) ?? throw new InvalidOperationException($"Decision document {decisionId} was not kept.");
        }
    }

    /// <summary>The group's answer language, or else the language of its first member, when the letter's texts exist in it.</summary>
    public async Task<string?> DefaultSummaryLanguageAsync(LetterSource source, CancellationToken cancellationToken = default)
    {
        var memberLanguage = await (from m in db.Set<OrganisationMember>()
                                    join u in db.Users on m.UserId equals u.Id
                                    where m.OrganisationId == source.Organisation.Id
                                    orderby m.JoinedAt
                                    select u.PreferredLanguage).FirstOrDefaultAsync(cancellationToken);
        return DecisionLetters.SummaryLanguage(source.Application.AnswerLanguage, memberLanguage);
    }
}
