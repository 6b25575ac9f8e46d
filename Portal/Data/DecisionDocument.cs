namespace Portal.Data;

/// <summary>
/// The PDF of a decision letter as it went out (issue 12: "stored with the application"), in a table of its own like
/// <see cref="AttachmentFile"/>: the exact document stays on file, whatever texts or layout change later.
/// </summary>
public sealed class DecisionDocument
{
    public Guid DecisionId { get; set; }
    public byte[] Content { get; set; } = [];
    /// <summary>The language of the summary beside the Dutch letter, null for the Dutch letter alone.</summary>
    public string? SummaryLanguage { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
