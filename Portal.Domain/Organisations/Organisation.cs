using Portal.Domain.Common;
using Portal.Domain.Events;

namespace Portal.Domain.Organisations;

public enum OrganisationKind
{
    InformalGroup,
    Association,
    Foundation,
    Other,
}

/// <summary>How the money reaches the group: its own account, or a host organisation (penvoerder) that manages it.</summary>
public enum PaymentRoute
{
    OwnAccount,
    HostOrganisation,
}

/// <summary>
/// The group that applies, reused for later applications. An informal group needs no KvK number and no bank
/// account of its own (advice 6.1): a host organisation may receive the money.
/// </summary>
public sealed class Organisation : AggregateRoot
{
    private readonly List<OrganisationMember> members = [];

    private Organisation() { }

    public Organisation(string name, OrganisationKind kind, Actor createdBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Name = UserText.Name(name) ?? throw new DomainException("Organisation.Name.Required");
        Kind = kind;
        CreatedAt = now;
        // Whoever starts the profile belongs to the group; a coach creating one on someone's behalf does not.
        if (createdBy is { Role: ActorRole.Applicant, UserId: { } userId }) members.Add(new OrganisationMember(Id, userId, now));
        Raise(new OrganisationCreated(Id, createdBy, now));
    }

    /// <summary>Gives the organisation the id a form chose in advance, so a double post finds the one the first post made.</summary>
    public void UseId(Guid id)
    {
        if (id == Guid.Empty) throw new ArgumentException("An empty id.", nameof(id));
        Id = id;
        foreach (var member in members) member.BelongTo(id);
        var created = DomainEvents.OfType<OrganisationCreated>().Single();
        ClearDomainEvents();
        Raise(created with { OrganisationId = id });
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }
    /// <summary>In the group's own words: a mothers' group, a mosque committee, neighbours who cook together.</summary>
    public string? HowOrganised { get; private set; }
    public string? Neighbourhood { get; private set; }
    public string? ContactName { get; private set; }
    public string? ContactPhone { get; private set; }
    public string? KvkNumber { get; private set; }
    public bool? FirstApplication { get; private set; }
    public PaymentRoute? PaymentRoute { get; private set; }
    public string? Iban { get; private set; }
    public string? AccountHolder { get; private set; }
    public string? HostName { get; private set; }
    public string? HostContactName { get; private set; }
    public string? HostEmail { get; private set; }
    /// <summary>
    /// The host organisation's account (from the agreement with the host), which the grant is paid to. Recorded by the
    /// group or by municipal staff before paying; forgotten when the group changes host or pays to its own account.
    /// </summary>
    public string? HostIban { get; private set; }
    public bool HostAgreementConfirmed { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<OrganisationMember> Members => members;

    public bool IsMember(Guid userId) => members.Any(m => m.UserId == userId);

    public void Rename(string name, Actor by, DateTimeOffset now)
    {
        Name = UserText.Name(name) ?? throw new DomainException("Organisation.Name.Required");
        Changed("name", by, now);
    }

    public void Describe(OrganisationKind kind, string? howOrganised, string? neighbourhood, string? contactName, string? contactPhone,
        bool? firstApplication, Actor by, DateTimeOffset now)
    {
        if (neighbourhood is not null && !Neighbourhoods.IsKnown(neighbourhood)) throw new DomainException("Organisation.Neighbourhood.Unknown");
        var contact = UserText.Name(contactName);
        Kind = kind;
        HowOrganised = Clean(howOrganised);
        Neighbourhood = neighbourhood;
        ContactName = contact;
        ContactPhone = Clean(contactPhone);
        FirstApplication = firstApplication;
        // A KvK number belongs to registered organisations only.
        if (kind is OrganisationKind.InformalGroup) KvkNumber = null;
        Changed("description", by, now);
    }

    public void RegisterKvk(string? kvkNumber, Actor by, DateTimeOffset now)
    {
        var digits = new string((kvkNumber ?? "").Where(char.IsAsciiDigit).ToArray());
        if (Kind is OrganisationKind.InformalGroup) throw new DomainException("Organisation.Kvk.NotForInformal");
        if (digits.Length != 8) throw new DomainException("Organisation.Kvk.Format");
        KvkNumber = digits;
        Changed("kvk", by, now);
    }

    public void PayToOwnAccount(Iban iban, string holder, Actor by, DateTimeOffset now)
    {
        var accountHolder = UserText.Name(holder) ?? throw new DomainException("Organisation.AccountHolder.Required");
        PaymentRoute = Organisations.PaymentRoute.OwnAccount;
        Iban = iban.Value;
        AccountHolder = accountHolder;
        HostName = HostContactName = HostEmail = HostIban = null;
        HostAgreementConfirmed = false;
        Changed(OrganisationChanged.Payment, by, now);
    }

    public void PayThroughHost(string hostName, string contactName, string email, bool agreementConfirmed, Actor by, DateTimeOffset now)
    {
        var host = UserText.Name(hostName) ?? throw new DomainException("Organisation.Host.Name.Required");
        var contact = UserText.Name(contactName) ?? throw new DomainException("Organisation.Host.Contact.Required");
        // An address is one line too: it may end up in a mail header.
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@') || UserText.NameProblem(email) is not null)
            throw new DomainException("Organisation.Host.Email.Invalid");
        if (!agreementConfirmed) throw new DomainException("Organisation.Host.Agreement.Required");
        PaymentRoute = Organisations.PaymentRoute.HostOrganisation;
        if (HostName != host) HostIban = null; // another host: its account is not known yet
        HostName = host;
        HostContactName = contact;
        HostEmail = email.Trim();
        HostAgreementConfirmed = true;
        Iban = AccountHolder = null;
        Changed(OrganisationChanged.Payment, by, now);
    }

    /// <summary>The host organisation's IBAN, to pay the grant to (only for a group that is paid through a host).</summary>
    public void RecordHostIban(Iban iban, Actor by, DateTimeOffset now)
    {
        if (PaymentRoute != Organisations.PaymentRoute.HostOrganisation) throw new DomainException("Organisation.Host.NotThisRoute");
        HostIban = iban.Value;
        Changed(OrganisationChanged.Payment, by, now);
    }

    public bool IsComplete => !string.IsNullOrEmpty(Name) && Neighbourhood is not null && PaymentRoute is not null;

    /// <summary>Adds a member (an accepted invitation); <paramref name="by"/> is who made it happen, usually the new member.</summary>
    public void AddMember(Guid userId, Actor by, DateTimeOffset now)
    {
        if (IsMember(userId)) return;
        members.Add(new OrganisationMember(Id, userId, now));
        Raise(new MemberJoined(Id, userId, by, now));
    }

    /// <summary>
    /// The coach who helped this group becomes its fixed contact person (seed 000 advice 4.4): members see them on every
    /// application page, and the group's next requests go to them first. Not a coach the members asked to replace.
    /// </summary>
    public Guid? FixedCoachId { get; private set; }

    /// <summary>The coach the members last asked to replace: not made their fixed coach again by the next request.</summary>
    public Guid? ReplacedCoachId { get; private set; }

    public void KeepCoach(Guid coachId, DateTimeOffset now)
    {
        if (FixedCoachId == coachId || ReplacedCoachId == coachId) return;
        FixedCoachId = coachId;
        Changed(OrganisationChanged.Coach, Actor.Coach(coachId), now);
    }

    /// <summary>A member asks for another coach; no reason needed.</summary>
    public void AskForAnotherCoach(Actor by, DateTimeOffset now)
    {
        if (FixedCoachId is not { } coach) return;
        ReplacedCoachId = coach;
        FixedCoachId = null;
        Changed(OrganisationChanged.Coach, by, now);
    }

    private void Changed(string part, Actor by, DateTimeOffset now) =>
        Raise(new OrganisationChanged(Id, part, by.UserId is { } userId && IsMember(userId), by, now));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class OrganisationMember
{
    private OrganisationMember() { }

    public OrganisationMember(Guid organisationId, Guid userId, DateTimeOffset now)
    {
        OrganisationId = organisationId;
        UserId = userId;
        JoinedAt = now;
    }

    public Guid OrganisationId { get; private set; }
    public Guid UserId { get; private set; }
    public DateTimeOffset JoinedAt { get; private set; }

    internal void BelongTo(Guid organisationId) => OrganisationId = organisationId;
}
