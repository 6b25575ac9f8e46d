using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Events;
using Portal.Domain.Languages;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;

namespace Portal.Domain.Assisted;

/// <summary>
/// An application a coach fills in for someone who is not online (PRODUCT.md B.5). The person has no account and the
/// coach does not join the group: the coach works under an assisting grant (<see cref="GrantKind.Assisting"/>). Helping
/// may start on spoken consent, recorded here; sending in on someone's behalf needs their signed written authorisation
/// (Awb 2:1(3)). Later the person can take the group over with a code that is valid 14 days and works once.
/// </summary>
public sealed class AssistedApplication : AggregateRoot
{
    private AssistedApplication() { }

    public AssistedApplication(Guid applicationId, Guid organisationId, Guid coachId, string coachName, string personName,
        string personLanguage, string? personEmail, ConsentMethod consent, DateOnly consentGivenOn, DateTimeOffset now)
    {
        CoachName = UserText.Name(coachName) ?? throw new DomainException("Assisted.CoachName.Required");
        PersonName = UserText.Name(personName) ?? throw new DomainException("Assisted.PersonName.Required");
        if (!Languages.Languages.IsOffered(personLanguage)) throw new DomainException("Assisted.Language.Unknown");
        if (!Enum.IsDefined(consent)) throw new DomainException("Assisted.Consent.Required");
        // Consent cannot come from the future; a date years back is more likely a typing error than real consent.
        var today = NijmegenTime.DayOf(now);
        if (consentGivenOn > today) throw new DomainException("Assisted.Consent.DateInFuture");
        if (consentGivenOn < today.AddYears(-1)) throw new DomainException("Assisted.Consent.DateTooOld");
        ApplicationId = applicationId;
        OrganisationId = organisationId;
        CoachId = coachId;
        PersonLanguage = personLanguage;
        PersonEmail = CleanEmail(personEmail);
        Consent = consent;
        ConsentGivenOn = consentGivenOn;
        StartedAt = now;
        Raise(new AssistanceStarted(applicationId, consent, consentGivenOn, Actor.Coach(coachId), now));
    }

    public Guid ApplicationId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid CoachId { get; private set; }
    /// <summary>The coach's name as the person knows them: it stands on the letters and in "filled in for you by".</summary>
    public string CoachName { get; private set; } = "";
    public string PersonName { get; private set; } = "";
    /// <summary>The language of the printed authorisation, the letter and the person's emails.</summary>
    public string PersonLanguage { get; private set; } = Languages.Languages.Default;
    public string? PersonEmail { get; private set; }
    public ConsentMethod Consent { get; private set; }
    public DateOnly ConsentGivenOn { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }

    public string? AuthorisationFileName { get; private set; }
    public string? AuthorisationContentType { get; private set; }
    public DateTimeOffset? AuthorisationUploadedAt { get; private set; }

    public UpdatesTo? UpdatesTo { get; private set; }
    public PersonChannel? PersonChannel { get; private set; }
    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? TakeoverCodeHash { get; private set; }
    public DateTimeOffset? TakeoverCodeExpiresAt { get; private set; }
    public DateTimeOffset? TakenOverAt { get; private set; }
    public Guid? TakenOverBy { get; private set; }
    public uint Version { get; private set; }

    public bool HasWrittenAuthorisation => AuthorisationUploadedAt is not null;
    public bool IsTakenOver => TakenOverAt is not null;

    /// <summary>Whether the person chose to hear about the application by email (and an address is known).</summary>
    public bool PersonReadsEmail =>
        UpdatesTo is Assisted.UpdatesTo.Person or Assisted.UpdatesTo.Both && PersonChannel == Assisted.PersonChannel.Email && PersonEmail is not null;

    /// <summary>What the coach may choose when nobody chose yet: the coach keeps track, and the person gets a letter in hand.</summary>
    public static (UpdatesTo UpdatesTo, PersonChannel PersonChannel) DefaultUpdates => (Assisted.UpdatesTo.Both, Assisted.PersonChannel.LetterHandedOver);

    private Actor Coach => Actor.Coach(CoachId);

    /// <summary>The signed authorisation, photographed or scanned (the bytes are stored apart, checked by the file rules).</summary>
    public void RecordAuthorisation(string fileName, string contentType, DateTimeOffset now)
    {
        EnsureNotTakenOver();
        // The authorisation the application was sent in on is the evidence of it: it is never replaced afterwards.
        if (SubmittedAt is not null) throw new DomainException("Assisted.Authorisation.AfterSubmit");
        AuthorisationFileName = fileName;
        AuthorisationContentType = contentType;
        AuthorisationUploadedAt = now;
        Raise(new AuthorisationUploaded(ApplicationId, Coach, now));
    }

    /// <summary>
    /// Sends the application in on the person's behalf: refused without the written authorisation, and when the person
    /// should get email but no address is known. The application's own rules (complete, declaration) apply as always.
    /// </summary>
    public void SubmitOnBehalf(Application application, Scheme scheme, Organisation organisation, bool declarationAccepted, string? reference,
        UpdatesTo updatesTo, PersonChannel personChannel, DateTimeOffset now)
    {
        if (application.Id != ApplicationId) throw new ArgumentException("Another application.", nameof(application));
        EnsureNotTakenOver();
        if (!HasWrittenAuthorisation) throw new DomainException("Assisted.Submit.AuthorisationMissing");
        if (!Enum.IsDefined(updatesTo) || !Enum.IsDefined(personChannel)) throw new DomainException("Assisted.Updates.Required");
        if (updatesTo != Assisted.UpdatesTo.Coach && personChannel == Assisted.PersonChannel.Email && PersonEmail is null)
            throw new DomainException("Assisted.Updates.EmailMissing");
        application.Submit(scheme, organisation, declarationAccepted, reference, Coach, now);
        UpdatesTo = updatesTo;
        PersonChannel = personChannel;
        SubmittedAt ??= now;
        Raise(new SubmittedOnBehalf(ApplicationId, updatesTo, personChannel, Coach, now));
    }

    /// <summary>A new takeover code, valid 14 days; an earlier code stops working.</summary>
    /// <returns>The code to print or email; only its hash is kept.</returns>
    public string IssueTakeoverCode(bool byEmail, DateTimeOffset now)
    {
        EnsureNotTakenOver();
        if (byEmail && PersonEmail is null) throw new DomainException("Assisted.Takeover.EmailMissing");
        var code = TakeoverCode.New();
        TakeoverCodeHash = TakeoverCode.Hash(code);
        TakeoverCodeExpiresAt = now + TakeoverCode.Lifetime;
        Raise(new TakeoverCodeIssued(ApplicationId, byEmail, TakeoverCodeExpiresAt.Value, Coach, now));
        return code;
    }

    /// <summary>
    /// The person takes the group over with their code: they become a member, and the coach's assisting grants on it end
    /// (from then on the coach has only what a member grants). Used once; an expired or wrong code is refused.
    /// </summary>
    public void TakeOver(string? typedCode, Guid userId, Organisation organisation, IEnumerable<CoachGrant> grants, DateTimeOffset now)
    {
        if (organisation.Id != OrganisationId) throw new ArgumentException("Another organisation.", nameof(organisation));
        if (IsTakenOver) throw new DomainException("Assisted.Takeover.Used");
        if (TakeoverCodeHash is null || TakeoverCode.Hash(typedCode) != TakeoverCodeHash) throw new DomainException("Assisted.Takeover.Unknown");
        if (now >= TakeoverCodeExpiresAt) throw new DomainException("Assisted.Takeover.Expired");
        var person = Actor.Applicant(userId);
        organisation.AddMember(userId, person, now);
        foreach (var grant in grants.Where(g => g.Kind == GrantKind.Assisting && g.CoachId == CoachId)) grant.Revoke(userId, now);
        TakenOverAt = now;
        TakenOverBy = userId;
        Raise(new TakenOver(ApplicationId, userId, person, now));
    }

    private void EnsureNotTakenOver()
    {
        if (IsTakenOver) throw new DomainException("Assisted.TakenOver");
    }

    private static string? CleanEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return null;
        // An address is one line: it ends up in a mail header.
        if (!email.Contains('@') || UserText.NameProblem(email) is not null || email.Trim().Length > 256)
            throw new DomainException("Assisted.PersonEmail.Invalid");
        return email.Trim();
    }
}
