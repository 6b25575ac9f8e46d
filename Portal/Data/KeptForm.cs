namespace Portal.Data;

/// <summary>
/// A form that was posted after its sender's session had expired (see <c>KeptForms</c>). The posted fields are
/// encrypted with Data Protection, because they hold what an applicant typed. It is replayed once, for the same
/// user in the same browser, after signing in again, and removed when used or after <see cref="Lifetime"/>.
/// </summary>
public sealed class KeptForm
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(24);

    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    /// <summary>The page the form was posted to, without its query string.</summary>
    public string Path { get; set; } = "";
    /// <summary>The query string of the post (the handler, e.g. "?handler=addrow").</summary>
    public string Query { get; set; } = "";
    /// <summary>The posted fields, url-encoded, protected with Data Protection.</summary>
    public byte[] ProtectedFields { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
