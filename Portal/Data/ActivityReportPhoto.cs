namespace Portal.Data;

/// <summary>
/// The bytes of the one photo with an activity report, in PostgreSQL like an attachment's (outside the web root, behind the
/// access check), in a table of its own so that reading a report never loads its photo.
/// </summary>
public sealed class ActivityReportPhoto
{
    public Guid ReportId { get; set; }
    public byte[] Content { get; set; } = [];
}

/// <summary>
/// A reminder to report that went out: one row per verlening and kind. The worker adds the row in the same transaction as
/// the mail, and the key refuses a second one — so two nodes (or a restart) never remind twice.
/// </summary>
public sealed class ReportReminder
{
    public Guid DecisionId { get; set; }
    public Domain.Decisions.ReportReminderKind Kind { get; set; }
    public Guid ApplicationId { get; set; }
    public DateTimeOffset SentAt { get; set; }
}
