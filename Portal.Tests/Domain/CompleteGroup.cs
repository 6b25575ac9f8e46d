using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Organisations;

namespace Portal.Tests.Domain;

/// <summary>A complete organisation profile (a neighbourhood and a payment route) for domain tests that submit.</summary>
public static class CompleteGroup
{
    public static Organisation For(Guid memberId, DateTimeOffset now, Guid? id = null)
    {
        var by = Actor.Applicant(memberId);
        var group = new Organisation("Moedergroep Hatert", OrganisationKind.InformalGroup, by, now);
        if (id is { } chosen) group.UseId(chosen);
        group.Describe(OrganisationKind.InformalGroup, null, "Zuid/Hatert", null, null, true, by, now);
        group.PayThroughHost("Buurthuis De Klif", "Els de Vries", "els@deklif.example", agreementConfirmed: true, by, now);
        group.ClearDomainEvents();
        return group;
    }

    /// <summary>The complete profile of the organisation that <paramref name="application"/> belongs to.</summary>
    public static Organisation Of(Application application, DateTimeOffset now) =>
        For(Guid.NewGuid(), now, application.OrganisationId);
}
