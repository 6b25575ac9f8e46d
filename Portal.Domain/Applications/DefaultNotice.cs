using Portal.Domain.Terms;

namespace Portal.Domain.Applications;

/// <summary>
/// The applicant's written notice of default (ingebrekestelling, art. 4:17 Awb): the decision term has passed and the
/// applicant tells the municipality so. Sent in the portal, it is received at the moment it is stored (the portal
/// confirms receipt at once, art. 4:17(4) with 4:3a). From it the penalty for deciding late runs (<see cref="DefaultPenalty"/>).
/// </summary>
public sealed class DefaultNotice
{
    public const int MaxStatementLength = 2000;

    private DefaultNotice() { }

    internal DefaultNotice(Guid applicationId, string? statement, Guid? sentBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        ApplicationId = applicationId;
        Statement = statement;
        SentBy = sentBy;
        ReceivedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid ApplicationId { get; private set; }
    /// <summary>What the applicant added in their own words, if anything.</summary>
    public string? Statement { get; private set; }
    public Guid? SentBy { get; private set; }
    public DateTimeOffset ReceivedAt { get; private set; }

    public DateOnly ReceivedOn => NijmegenTime.DayOf(ReceivedAt);

    public DefaultPenalty Penalty(DateOnly? decidedOn, DateOnly today) => DefaultPenalty.Calculate(ReceivedOn, decidedOn, today);
}
