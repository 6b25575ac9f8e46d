using Portal.Domain.Common;
using Portal.Domain.Events;
using Portal.Domain.Languages;
using Portal.Domain.Terms;

namespace Portal.Domain.Coaching;

/// <summary>
/// Someone asked for a coach (journey B of PRODUCT.md; seed 000 advice 6.2, seed 003). A signed-in applicant is known by
/// their account; anyone else leaves a name and a phone number or an email address. A coach answers within
/// <see cref="AnswerWithinWorkingDays"/> working days (weekends and Dutch public holidays skipped); a request nobody
/// claimed after <see cref="EscalateAfterWorkingDays"/> working day goes to every coach and the admin. Exactly one coach
/// claims it; the claimant may hand it over with a note (a warm handover), marks when and how contact was made, and
/// how it ended.
/// </summary>
public sealed class HelpRequest : AggregateRoot
{
    public const int AnswerWithinWorkingDays = 2;
    public const int EscalateAfterWorkingDays = 1;
    public const int NameLength = 200, EmailLength = 254, QuestionLength = 2000, NoteLength = 2000;

    /// <summary>The same question again within this time is the same request (a second click, a reload), not a new one.</summary>
    public static readonly TimeSpan SameRequestWithin = TimeSpan.FromHours(1);

    private HelpRequest() { }

    public HelpRequest(HelpOrigin origin, HelpTopic topic, string? question, HelpChannel channel, string language,
        ReachableAt reachableAt, bool interpreterNeeded, CoachGender coachGender, Requester requester, DateTimeOffset now,
        AtwCalendar calendar, Guid? organisationId = null, string? neighbourhood = null)
    {
        if (!Enum.IsDefined(topic) || !Enum.IsDefined(channel) || !Enum.IsDefined(coachGender)) throw new DomainException("Coaching.Request.Choice");
        if (!AnswerLanguages.IsKnown(language)) throw new DomainException("Coaching.Request.Language");
        if (reachableAt == ReachableAt.None || reachableAt > (ReachableAt.Morning | ReachableAt.Afternoon | ReachableAt.Evening | ReachableAt.Weekend))
            throw new DomainException("Coaching.Request.ReachableAt");
        var text = FreeText(question);
        if (text.Length > QuestionLength) throw new DomainException("Coaching.Request.QuestionTooLong");
        if (topic == HelpTopic.Other && text.Length == 0) throw new DomainException("Coaching.Request.QuestionRequired");
        if (channel is HelpChannel.Phone or HelpChannel.WhatsApp && requester.Phone is null)
            throw new DomainException("Coaching.Request.PhoneForChannel");
        if (channel == HelpChannel.Email && requester.Email is null && requester.UserId is null)
            throw new DomainException("Coaching.Request.EmailForChannel");
        if (origin.Page.Length > HelpOrigin.PageLength) origin = origin with { Page = origin.Page[..HelpOrigin.PageLength] };

        Id = Guid.NewGuid();
        Origin = origin;
        Topic = topic;
        Question = text;
        Channel = channel;
        Language = language;
        ReachableAt = reachableAt;
        InterpreterNeeded = interpreterNeeded;
        CoachGender = coachGender;
        Requester = requester;
        CreatedAt = now;
        AnswerBy = calendar.AddWorkingDays(NijmegenTime.DayOf(now), AnswerWithinWorkingDays);
        State = HelpRequestState.Open;
        OrganisationId = organisationId;
        Neighbourhood = neighbourhood;
        Raise(new HelpRequested(Id, new Actor(requester.UserId, ActorRole.Applicant), now));
    }

    public Guid Id { get; private set; }
    public HelpOrigin Origin { get; private set; } = new("/");
    public HelpTopic Topic { get; private set; }
    public string Question { get; private set; } = "";
    public HelpChannel Channel { get; private set; }
    public string Language { get; private set; } = "nl";
    public ReachableAt ReachableAt { get; private set; }
    public bool InterpreterNeeded { get; private set; }
    public CoachGender CoachGender { get; private set; }
    public Requester Requester { get; private set; } = null!;
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The last day a coach is to get in touch: promised to the person on the confirmation.</summary>
    public DateOnly AnswerBy { get; private set; }

    public HelpRequestState State { get; private set; }
    public Guid? CoachId { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }
    public DateTimeOffset? ContactedAt { get; private set; }
    public HelpChannel? ContactedBy { get; private set; }
    public DateTimeOffset? ResolvedAt { get; private set; }
    public HelpOutcome? Outcome { get; private set; }

    /// <summary>The note the previous coach left at the last handover, for the coach who takes over.</summary>
    public string? HandoverNote { get; private set; }

    /// <summary>The organisation the person asks for (a signed-in member's): its fixed coach gets the request first.</summary>
    public Guid? OrganisationId { get; private set; }

    /// <summary>The organisation's neighbourhood ("District/Buurt"), for routing to coaches who know it.</summary>
    public string? Neighbourhood { get; private set; }

    /// <summary>When it was offered to every coach because nobody claimed it within a working day.</summary>
    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>When the coach who has it was reminded that the promised day passed.</summary>
    public DateTimeOffset? OverdueRemindedAt { get; private set; }

    private readonly List<HelpRequestOffer> offers = [];
    private readonly List<HelpRequestNote> notes = [];
    public IReadOnlyList<HelpRequestOffer> Offers => offers;
    public IReadOnlyList<HelpRequestNote> Notes => notes;

    /// <summary>Offers the request to coaches not offered it yet; they are emailed (bundled) about it.</summary>
    public void OfferTo(IEnumerable<Guid> coachIds, OfferReason reason, DateTimeOffset now)
    {
        var added = coachIds.Distinct().Where(c => offers.All(o => o.CoachId != c)).ToList();
        foreach (var coach in added)
        {
            var offer = new HelpRequestOffer(Id, coach, reason, now);
            // The escalation email itself tells every coach; it is not bundled again.
            if (reason == OfferReason.Escalation) offer.Notified(now);
            offers.Add(offer);
        }
        if (added.Count > 0 || reason == OfferReason.Escalation) Raise(new HelpRequestOffered(Id, reason, added, now));
    }

    /// <summary>Nobody claimed it within a working day: every coach gets it, and they and the admin are told.</summary>
    public void Escalate(IEnumerable<Guid> allCoaches, DateTimeOffset now)
    {
        if (State != HelpRequestState.Open || EscalatedAt is not null) return;
        EscalatedAt = now;
        OfferTo(allCoaches, OfferReason.Escalation, now);
    }

    /// <summary>The promised day passed and the coach has not made contact: reminded once.</summary>
    public void RemindOverdue(DateOnly today, DateTimeOffset now)
    {
        if (CoachId is not { } coach || State != HelpRequestState.Claimed || !IsOverdue(today) || OverdueRemindedAt is not null) return;
        OverdueRemindedAt = now;
        Raise(new HelpRequestOverdue(Id, coach, now));
    }

    public void AddNote(Guid coachId, string? text, DateTimeOffset now)
    {
        RequireClaimant(coachId);
        var note = FreeText(text);
        if (note.Length == 0) throw new DomainException("Coaching.Request.NoteRequired");
        if (note.Length > NoteLength) throw new DomainException("Coaching.Request.NoteTooLong");
        notes.Add(new HelpRequestNote(Id, coachId, note, now));
    }

    /// <summary>The row's version (PostgreSQL xmin): of two coaches claiming at once, the second save is refused.</summary>
    public uint Version { get; private set; }

    /// <summary>A coach takes the request on. Only an open request can be claimed: two coaches at once, one wins.</summary>
    public void Claim(Guid coachId, DateTimeOffset now)
    {
        if (State != HelpRequestState.Open) throw new DomainException("Coaching.Request.AlreadyClaimed");
        CoachId = coachId;
        ClaimedAt = now;
        State = HelpRequestState.Claimed;
        Raise(new HelpRequestClaimed(Id, coachId, now));
    }

    /// <summary>The coach who has it passes it on, with a note for the next coach; the person is told who takes over.</summary>
    public void HandOver(Guid fromCoachId, Guid toCoachId, string? note, DateTimeOffset now)
    {
        RequireClaimant(fromCoachId);
        if (State == HelpRequestState.Resolved) throw new DomainException("Coaching.Request.Resolved");
        if (toCoachId == fromCoachId) throw new DomainException("Coaching.Request.HandOverToSelf");
        var text = FreeText(note);
        if (text.Length == 0) throw new DomainException("Coaching.Request.HandoverNoteRequired");
        if (text.Length > NoteLength) throw new DomainException("Coaching.Request.NoteTooLong");
        CoachId = toCoachId;
        ClaimedAt = now;
        HandoverNote = text;
        OverdueRemindedAt = null;
        if (offers.All(o => o.CoachId != toCoachId)) offers.Add(new HelpRequestOffer(Id, toCoachId, OfferReason.Match, now));
        Raise(new HelpRequestHandedOver(Id, fromCoachId, toCoachId, now));
    }

    public void MarkContacted(Guid coachId, HelpChannel how, DateTimeOffset now)
    {
        RequireClaimant(coachId);
        if (!Enum.IsDefined(how)) throw new DomainException("Coaching.Request.Choice");
        if (State == HelpRequestState.Resolved) throw new DomainException("Coaching.Request.Resolved");
        ContactedAt ??= now;
        ContactedBy = how;
        State = HelpRequestState.Contacted;
        Raise(new HelpRequestContacted(Id, coachId, how, now));
    }

    public void Resolve(Guid coachId, HelpOutcome outcome, DateTimeOffset now)
    {
        RequireClaimant(coachId);
        if (!Enum.IsDefined(outcome)) throw new DomainException("Coaching.Request.Choice");
        if (State == HelpRequestState.Resolved) throw new DomainException("Coaching.Request.Resolved");
        Outcome = outcome;
        ResolvedAt = now;
        State = HelpRequestState.Resolved;
        Raise(new HelpRequestResolved(Id, coachId, outcome, now));
    }

    /// <summary>Past the promised day and still nobody got in touch.</summary>
    public bool IsOverdue(DateOnly today) => State is HelpRequestState.Open or HelpRequestState.Claimed && today > AnswerBy;

    /// <summary>How many working days the request has waited, as the dashboard shows its age.</summary>
    public int AgeInWorkingDays(DateOnly today, AtwCalendar calendar) =>
        calendar.WorkingDaysBetween(NijmegenTime.DayOf(CreatedAt), today);

    /// <summary>Unclaimed for a working day: every coach and the admin are told.</summary>
    public bool NeedsEscalation(DateOnly today, AtwCalendar calendar) =>
        State == HelpRequestState.Open && AgeInWorkingDays(today, calendar) >= EscalateAfterWorkingDays;

    /// <summary>The same person asking the same thing from the same place within the hour: a repeat, not a new request.</summary>
    public bool IsRepeatedBy(HelpRequest other) =>
        Requester.IsSamePerson(other.Requester) && Topic == other.Topic && Origin == other.Origin
        && Question == other.Question && other.CreatedAt - CreatedAt < SameRequestWithin && other.CreatedAt >= CreatedAt;

    /// <summary>A question or note: several lines allowed, invisible formatting removed, trimmed.</summary>
    internal static string FreeText(string? value) => UserText.WithoutInvisibleFormatting(value ?? "").Trim();

    private void RequireClaimant(Guid coachId)
    {
        if (CoachId != coachId) throw new DomainException("Coaching.Request.NotYours");
    }
}

/// <summary>
/// Who asks: a signed-in user (their account), or someone without one who leaves a name and a phone number (E.164) or
/// an email address — at least one, so a coach can reach them.
/// </summary>
public sealed record Requester
{
    private Requester() { }

    public Guid? UserId { get; private init; }
    public string Name { get; private init; } = "";
    public string? Phone { get; private init; }
    public string? Email { get; private init; }

    /// <summary>A signed-in person: their account's email address is how a coach emails them; a phone number is theirs to add.</summary>
    public static Requester Account(Guid userId, string name, string email, string? phone = null)
    {
        var cleanName = UserText.Name(name) ?? "";
        if (cleanName.Length == 0) throw new DomainException("Coaching.Request.NameRequired");
        if (cleanName.Length > HelpRequest.NameLength) throw new DomainException("Coaching.Request.NameTooLong");
        return new Requester
        {
            UserId = userId, Name = cleanName, Email = email,
            Phone = string.IsNullOrWhiteSpace(phone) ? null : PhoneNumber.Normalise(phone),
        };
    }

    public static Requester Anonymous(string name, string? phone, string? email)
    {
        var cleanName = UserText.Name(name) ?? "";
        if (cleanName.Length == 0) throw new DomainException("Coaching.Request.NameRequired");
        if (cleanName.Length > HelpRequest.NameLength) throw new DomainException("Coaching.Request.NameTooLong");
        var hasPhone = !string.IsNullOrWhiteSpace(phone);
        var cleanEmail = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (!hasPhone && cleanEmail is null) throw new DomainException("Coaching.Request.PhoneOrEmail");
        if (cleanEmail is not null && !EmailAddress.IsValid(cleanEmail))
            throw new DomainException("Coaching.Request.Email");
        return new Requester { Name = cleanName, Phone = hasPhone ? PhoneNumber.Normalise(phone!) : null, Email = cleanEmail };
    }

    public bool IsSamePerson(Requester other) =>
        UserId is { } id ? id == other.UserId
        : other.UserId is null && ((Phone is not null && Phone == other.Phone)
            || (Email is not null && string.Equals(Email, other.Email, StringComparison.OrdinalIgnoreCase)));
}
