namespace Portal.Data;

/// <summary>
/// The bytes of an uploaded attachment, in PostgreSQL (outside the web root, behind the access check), in a table of
/// their own so that loading an application never loads its files.
/// </summary>
public sealed class AttachmentFile
{
    public Guid AttachmentId { get; set; }
    public byte[] Content { get; set; } = [];
}
