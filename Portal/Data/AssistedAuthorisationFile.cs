namespace Portal.Data;

/// <summary>
/// The photo or scan of a signed written authorisation, in a table of its own (like <see cref="AttachmentFile"/>) so
/// that loading an assisted application never loads the file.
/// </summary>
public sealed class AssistedAuthorisationFile
{
    public Guid ApplicationId { get; set; }
    public byte[] Content { get; set; } = [];
}
