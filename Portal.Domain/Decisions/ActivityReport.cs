using System.Globalization;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Events;
using Portal.Domain.Terms;

namespace Portal.Domain.Decisions;

/// <summary>Did the activity take place? Stored by name, so never rename one.</summary>
public enum ActivityHappened
{
    Yes,
    Partly,
    No,
}

/// <summary>The report's answers as the group gave them, before they are checked.</summary>
public sealed record ActivityReportAnswers(ActivityHappened? Happened, int? PeopleCount, string? WentWell, string? Story, bool? MayShare,
    bool? CostAsPlanned, Money.Money? ActualCost);

/// <summary>The one photo with a report, already checked as a file (type by content, size): what the domain keeps of it.</summary>
public sealed record ReportPhoto(string FileName, string ContentType, long SizeBytes);

/// <summary>
/// The light report that settles a verlening (issue 12, point 6): after the activity the group tells in a few plain
/// questions whether it happened, how many people came, what went well, optionally one photo or story (shared only with
/// their explicit consent), and what it cost when that differs from the plan. Impact, not accounting (seed 001): no
/// receipts, no spreadsheet. One report per verlening, given once; the reviewer reads it for the vaststelling.
/// </summary>
public sealed class ActivityReport : AggregateRoot
{
    public const int MaxTextLength = 2000;
    public const int MaxPeople = 100_000;

    /// <summary>The report is asked for this many weeks before the vaststelling is due, so the reviewer has time to read it.</summary>
    public const int WeeksBeforeVaststelling = 4;

    /// <summary>The second reminder goes this many days before the report is due.</summary>
    public const int RemindDaysBeforeDue = 14;

    private ActivityReport() { }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    /// <summary>The verlening this report settles.</summary>
    public Guid DecisionId { get; private set; }
    public ActivityHappened Happened { get; private set; }
    /// <summary>How many people came (null when it did not take place).</summary>
    public int? PeopleCount { get; private set; }
    public string WentWell { get; private set; } = "";
    public string? Story { get; private set; }
    public string? PhotoFileName { get; private set; }
    public string? PhotoContentType { get; private set; }
    public long? PhotoSizeBytes { get; private set; }
    /// <summary>The group said yes, the municipality may share the photo or story (for example on its website). Never assumed.</summary>
    public bool MayShare { get; private set; }
    /// <summary>What it cost, only when it differed from the plan.</summary>
    public long? ActualCostCents { get; private set; }
    public Guid SubmittedBy { get; private set; }
    public ActorRole SubmittedRole { get; private set; }
    public DateTimeOffset SubmittedAt { get; private set; }

    public bool HasPhoto => PhotoFileName is not null;
    /// <summary>The photo may be shared: there is one and the group consented.</summary>
    public bool PhotoMayBeShared => HasPhoto && MayShare;
    public Money.Money? ActualCost => ActualCostCents is { } cents ? new Money.Money(cents) : null;

    /// <summary>The day the report is asked for: <see cref="WeeksBeforeVaststelling"/> weeks before the vaststelling is due.</summary>
    public static DateOnly DueOn(Decision verlening) =>
        (verlening.VaststellingDueOn ?? throw new DomainException("Report.NotAVerlening")).AddDays(-7 * WeeksBeforeVaststelling);

    /// <summary>From the activity's last day on, the group can tell how it went.</summary>
    public static bool Open(Decision verlening, DateTimeOffset now) =>
        verlening is { Kind: DecisionKind.Verlening, Stands: true, ActivityEndsOn: { } end } && NijmegenTime.DayOf(now) >= end;

    /// <summary>
    /// The group (a member, or a coach allowed to fill in) reports on the activity of <paramref name="verlening"/>. Refused
    /// before the activity's last day, for anyone but the group, and when an answer is missing or out of range: each with a
    /// key that says which answer and why.
    /// </summary>
    public static ActivityReport Submit(Decision verlening, ActivityReportAnswers answers, ReportPhoto? photo, Actor by, DateTimeOffset now)
    {
        if (!by.WritesAnswers || by.UserId is not { } userId) throw new DomainException("Application.NotYours");
        if (verlening.Kind != DecisionKind.Verlening || !verlening.Stands) throw new DomainException("Report.NotAVerlening");
        if (!Open(verlening, now)) throw new DomainException("Report.NotYet");
        if (Problems(answers, photo is not null) is [var first, ..]) throw new DomainException(first);
        if (photo is not null && !photo.ContentType.StartsWith("image/", StringComparison.Ordinal)) throw new DomainException("Report.Photo.Type");
        var happened = answers.Happened!.Value;
        var wentWell = Written(answers.WentWell)!;
        var story = Written(answers.Story);
        int? people = happened == ActivityHappened.No ? null : answers.PeopleCount;
        long? actual = answers.CostAsPlanned == true ? null : answers.ActualCost!.Value.Cents;

        var report = new ActivityReport
        {
            Id = Guid.NewGuid(),
            ApplicationId = verlening.ApplicationId,
            DecisionId = verlening.Id,
            Happened = happened,
            PeopleCount = people,
            WentWell = wentWell,
            Story = story,
            PhotoFileName = photo?.FileName,
            PhotoContentType = photo?.ContentType,
            PhotoSizeBytes = photo?.SizeBytes,
            MayShare = answers.MayShare == true && (photo is not null || story is not null),
            ActualCostCents = actual,
            SubmittedBy = userId,
            SubmittedRole = by.Role,
            SubmittedAt = now,
        };
        report.Raise(new ActivityReported(verlening.ApplicationId, report.Id, verlening.Id, happened, report.PhotoMayBeShared, by, now));
        return report;
    }

    /// <summary>
    /// Every answer that is missing or out of range, as the keys that say so, in the order of the questions: the page shows
    /// them all at once, and <see cref="Submit"/> refuses with the first.
    /// </summary>
    public static IReadOnlyList<string> Problems(ActivityReportAnswers answers, bool hasPhoto)
    {
        var problems = new List<string>();
        if (answers.Happened is not { } happened || !Enum.IsDefined(happened)) problems.Add("Report.Happened.Required");
        else if (happened != ActivityHappened.No && answers.PeopleCount is null) problems.Add("Report.People.Required");
        if (answers.Happened != ActivityHappened.No && answers.PeopleCount is < 1 or > MaxPeople) problems.Add("Report.People.Range");
        if (Written(answers.WentWell) is not { } wentWell) problems.Add("Report.WentWell.Required");
        else if (wentWell.Length > MaxTextLength) problems.Add("Report.WentWell.TooLong");
        var story = Written(answers.Story);
        if (story is { Length: > MaxTextLength }) problems.Add("Report.Story.TooLong");
        // Consent is asked, never assumed: with a photo or a story the group must say yes or no.
        if ((hasPhoto || story is not null) && answers.MayShare is null) problems.Add("Report.Share.Required");
        if (answers.CostAsPlanned is not { } asPlanned) problems.Add("Report.Cost.Required");
        else if (!asPlanned && answers.ActualCost is not { } cost) problems.Add("Report.Cost.AmountRequired");
        else if (!asPlanned && answers.ActualCost is { Cents: < 0 }) problems.Add("Money.Negative");
        return problems;
    }

    /// <summary>What someone typed, trimmed, or null when nothing was (Arabic, emoji and line breaks kept as typed).</summary>
    private static string? Written(string? text)
    {
        var trimmed = text?.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }
}

/// <summary>A reminder to report: on the activity's last day, and two weeks before the report is due. Stored by name.</summary>
public enum ReportReminderKind
{
    ActivityEnded,
    DueSoon,
}

/// <summary>The group reported on its activity (the audit row names the verlening, never what they wrote).</summary>
public sealed record ActivityReported(Guid ApplicationId, Guid ReportId, Guid DecisionId, ActivityHappened Happened, bool PhotoMayBeShared,
    Actor Actor, DateTimeOffset OccurredAt) : ApplicationDomainEvent(ApplicationId, Actor, OccurredAt)
{
    public override string Action => "application.activity-reported";
    public override string? Detail => string.Create(CultureInfo.InvariantCulture,
        $"report {ReportId}; verlening {DecisionId}; {Happened}; photo shared: {(PhotoMayBeShared ? "yes" : "no")}");
}
