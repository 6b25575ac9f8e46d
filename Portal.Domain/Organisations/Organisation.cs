using Portal.Domain.Common;

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
public sealed class Organisation
{
    private readonly List<OrganisationMember> members = [];

    private Organisation() { }

    public Organisation(string name, OrganisationKind kind, Guid createdBy, DateTimeOffset now)
    {
        Id = Guid.NewGuid();
        Rename(name);
        Kind = kind;
        CreatedAt = now;
        members.Add(new OrganisationMember(Id, createdBy, now));
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
    public bool HostAgreementConfirmed { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public uint Version { get; private set; }
    public IReadOnlyList<OrganisationMember> Members => members;

    public bool IsMember(Guid userId) => members.Any(m => m.UserId == userId);

    public void Rename(string name) => Name = UserText.Name(name) ?? throw new DomainException("Organisation.Name.Required");

    public void Describe(OrganisationKind kind, string? howOrganised, string? neighbourhood, string? contactName, string? contactPhone,
        bool? firstApplication)
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
    }

    public void RegisterKvk(string? kvkNumber)
    {
        var digits = new string((kvkNumber ?? "").Where(char.IsAsciiDigit).ToArray());
        if (Kind is OrganisationKind.InformalGroup) throw new DomainException("Organisation.Kvk.NotForInformal");
        if (digits.Length != 8) throw new DomainException("Organisation.Kvk.Format");
        KvkNumber = digits;
    }

    public void PayToOwnAccount(Iban iban, string holder)
    {
        var accountHolder = UserText.Name(holder) ?? throw new DomainException("Organisation.AccountHolder.Required");
        PaymentRoute = Organisations.PaymentRoute.OwnAccount;
        Iban = iban.Value;
        AccountHolder = accountHolder;
        HostName = HostContactName = HostEmail = null;
        HostAgreementConfirmed = false;
    }

    public void PayThroughHost(string hostName, string contactName, string email, bool agreementConfirmed)
    {
        var host = UserText.Name(hostName) ?? throw new DomainException("Organisation.Host.Name.Required");
        var contact = UserText.Name(contactName) ?? throw new DomainException("Organisation.Host.Contact.Required");
        // An address is one line too: it may end up in a mail header.
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@') || UserText.NameProblem(email) is not null)
            throw new DomainException("Organisation.Host.Email.Invalid");
        if (!agreementConfirmed) throw new DomainException("Organisation.Host.Agreement.Required");
        PaymentRoute = Organisations.PaymentRoute.HostOrganisation;
        HostName = host;
        HostContactName = contact;
        HostEmail = email.Trim();
        HostAgreementConfirmed = true;
        Iban = AccountHolder = null;
    }

    public bool IsComplete => !string.IsNullOrEmpty(Name) && Neighbourhood is not null && PaymentRoute is not null;

    public void AddMember(Guid userId, DateTimeOffset now)
    {
        if (!IsMember(userId)) members.Add(new OrganisationMember(Id, userId, now));
    }

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
}
