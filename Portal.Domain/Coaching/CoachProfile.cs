using Portal.Domain.Common;
using Portal.Domain.Languages;
using Portal.Domain.Organisations;

namespace Portal.Domain.Coaching;

/// <summary>What kind of organisation coaches work for (seed 000 advice 4.2: key figures of the community are the bridge).</summary>
public enum CoachingOrganisationKind { SelfOrganisation, Welfare, Municipality }

/// <summary>
/// The organisation a coach works for: a migrant self-organisation, a welfare organisation, the municipality's own team.
/// Its lead sees the open requests of all its coaches, so a caseload survives a coach leaving.
/// </summary>
public sealed class CoachingOrganisation
{
    private CoachingOrganisation() { }

    public CoachingOrganisation(string name, CoachingOrganisationKind kind)
    {
        Id = Guid.NewGuid();
        Name = UserText.Name(name) ?? throw new DomainException("Coaching.Profile.NameRequired");
        Kind = kind;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public CoachingOrganisationKind Kind { get; private set; }
}

/// <summary>Walk-in hours at a named place (a buurthuis, a mosque, a library): where, the address, and when, in words.</summary>
public sealed record WalkInHours(string Place, string Address, string When)
{
    public const int Length = 120;
}

/// <summary>
/// A coach as applicants and the routing see them: the languages they speak and the neighbourhoods they know (requests are
/// offered to the matching coaches first), where and when they hold walk-in hours, how the people they help reach them,
/// and a short introduction in their own words. Keyed by the coach's account.
/// </summary>
public sealed class CoachProfile
{
    public const int IntroductionLength = 600;
    public const int MaxWalkIns = 3;

    private CoachProfile() { }

    public CoachProfile(Guid userId, string name, Guid coachingOrganisationId, bool isLead = false)
    {
        UserId = userId;
        Name = UserText.Name(name) ?? throw new DomainException("Coaching.Profile.NameRequired");
        CoachingOrganisationId = coachingOrganisationId;
        IsLead = isLead;
    }

    public Guid UserId { get; private set; }
    public string Name { get; private set; } = "";
    public Guid CoachingOrganisationId { get; private set; }

    /// <summary>The lead of the coaching organisation sees all its coaches' requests.</summary>
    public bool IsLead { get; private set; }

    public List<string> Languages { get; private set; } = [];
    public List<string> Neighbourhoods { get; private set; } = [];
    public CoachGender Gender { get; private set; }
    public string? Phone { get; private set; }
    public string? WhatsApp { get; private set; }
    public string? Email { get; private set; }
    public string? Introduction { get; private set; }
    public List<WalkInHours> WalkIns { get; private set; } = [];

    /// <summary>When this coach was last emailed about new requests: more within 10 minutes wait and come as one email.</summary>
    public DateTimeOffset? LastNotifiedAt { get; private set; }

    public static readonly TimeSpan BundleWindow = TimeSpan.FromMinutes(10);

    public bool Speaks(string language) => Languages.Contains(language);

    /// <summary>A neighbourhood ("District/Buurt") is known to a coach who knows it or its whole district.</summary>
    public bool Knows(string? neighbourhood) =>
        neighbourhood is not null && Neighbourhoods.Any(n => n == neighbourhood || neighbourhood.StartsWith(n + "/", StringComparison.Ordinal));

    public void Describe(string name, IEnumerable<string> languages, IEnumerable<string> neighbourhoods, CoachGender gender,
        string? phone, string? whatsApp, string? email, string? introduction, IEnumerable<WalkInHours> walkIns)
    {
        Name = UserText.Name(name) is { Length: > 0 } clean ? clean : throw new DomainException("Coaching.Profile.NameRequired");
        if (Name.Length > HelpRequest.NameLength) throw new DomainException("Coaching.Profile.NameTooLong");
        var spoken = languages.Distinct().ToList();
        if (spoken.Count == 0) throw new DomainException("Coaching.Profile.LanguageRequired");
        if (!spoken.All(l => AnswerLanguages.IsKnown(l) && l != AnswerLanguages.Other)) throw new DomainException("Coaching.Request.Language");
        var known = neighbourhoods.Distinct().ToList();
        if (!known.All(Organisations.Neighbourhoods.IsKnown)) throw new DomainException("Coaching.Profile.Neighbourhood");
        if (!Enum.IsDefined(gender)) throw new DomainException("Coaching.Request.Choice");
        var intro = HelpRequest.FreeText(introduction);
        if (intro.Length > IntroductionLength) throw new DomainException("Coaching.Profile.IntroductionTooLong");
        var hours = walkIns.Select(w => new WalkInHours(Clean(w.Place), Clean(w.Address), Clean(w.When)))
            .Where(w => w.Place.Length + w.Address.Length + w.When.Length > 0).ToList();
        if (hours.Count > MaxWalkIns) throw new DomainException("Coaching.Profile.TooManyWalkIns");
        if (hours.Any(w => w.Place.Length == 0 || w.When.Length == 0)) throw new DomainException("Coaching.Profile.WalkInIncomplete");
        if (hours.Any(w => w.Place.Length > WalkInHours.Length || w.Address.Length > WalkInHours.Length || w.When.Length > WalkInHours.Length))
            throw new DomainException("Coaching.Profile.WalkInTooLong");
        var cleanEmail = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (cleanEmail is not null && !EmailAddress.IsValid(cleanEmail)) throw new DomainException("Coaching.Request.Email");

        Languages = spoken;
        Neighbourhoods = known;
        Gender = gender;
        Phone = string.IsNullOrWhiteSpace(phone) ? null : PhoneNumber.Normalise(phone);
        WhatsApp = string.IsNullOrWhiteSpace(whatsApp) ? null : PhoneNumber.Normalise(whatsApp);
        Email = cleanEmail;
        Introduction = intro.Length == 0 ? null : intro;
        WalkIns = hours;
    }

    public void Notified(DateTimeOffset now) => LastNotifiedAt = now;

    private static string Clean(string? value) => UserText.AsOneLine(value ?? "").Trim();
}
