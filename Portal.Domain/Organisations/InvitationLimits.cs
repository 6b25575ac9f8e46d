namespace Portal.Domain.Organisations;

/// <summary>
/// How many invitations to join an organisation may go out: enough for a real group, too few to use the portal for
/// sending mail to strangers. Each limit counts the last 24 hours: per person over all their organisations (creating
/// more organisations gives no more), per organisation, and per address over all organisations (many accounts together
/// cannot flood one inbox; addresses are compared without case).
/// </summary>
public static class InvitationLimits
{
    public const int MaxPerInviterPerDay = 10;
    public const int MaxPerOrganisationPerDay = 10;
    public const int MaxPerAddressPerDay = 3;

    /// <summary>The invitations sent in the last 24 hours that the limits count.</summary>
    public sealed record SentLastDay(int ByInviter, int ByOrganisation, int ToAddress);

    /// <returns>The message key and number of the first limit one more invitation would pass, or null when it may be sent.</returns>
    public static (string Key, int Limit)? Reached(SentLastDay sent) => sent switch
    {
        { ByInviter: >= MaxPerInviterPerDay } => ("Invite.TooMany", MaxPerInviterPerDay),
        { ByOrganisation: >= MaxPerOrganisationPerDay } => ("Invite.TooMany.Group", MaxPerOrganisationPerDay),
        { ToAddress: >= MaxPerAddressPerDay } => ("Invite.TooMany.Address", MaxPerAddressPerDay),
        _ => null,
    };

    /// <summary>The form of an address the per-address limit compares: Amina@Example.org is the same inbox as amina@example.org.</summary>
    public static string Address(string email) => email.Trim().ToLowerInvariant();
}
