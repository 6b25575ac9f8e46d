using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Organisations and applications built through the domain, the way the application pages build them, and saved
/// directly: tests of later steps need not click through the earlier ones.
/// </summary>
public static class TestApplications
{
    /// <summary>An informal group in Hatert, paid through a host organisation: complete, so it may submit.</summary>
    public static async Task<Organisation> OrganisationAsync(TestDatabase database, Guid memberId, string name = "Moedergroep Hatert",
        params Guid[] otherMembers)
    {
        var now = DateTimeOffset.UtcNow;
        var organisation = new Organisation(name, OrganisationKind.InformalGroup, Actor.Applicant(memberId), now);
        organisation.Describe(OrganisationKind.InformalGroup, "Moeders uit de buurt die samen koken", "Zuid/Hatert", "Amina", "06 1234 5678", true, Actor.Applicant(memberId), now);
        organisation.PayThroughHost("Stichting Buurtwerk Zuid", "Karin de Vries", "karin@buurtwerk.example", agreementConfirmed: true, Actor.Applicant(memberId), now);
        foreach (var other in otherMembers) organisation.AddMember(other, Actor.Applicant(other), now);
        await using var db = database.NewContext();
        await DemoData.SeedSchemesAsync(db, TimeProvider.System);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation;
    }

    /// <summary>
    /// A draft for "Kleine subsidie Samen Doen" (no documents up to € 1,000). <paramref name="complete"/> fills in the
    /// activity and one cost row of <paramref name="costEuros"/>; otherwise only the title is given.
    /// </summary>
    public static async Task<Application> DraftAsync(TestDatabase database, Organisation organisation, long costEuros = 800,
        bool complete = true, DateTimeOffset? at = null, string scheme = DemoSchemes.SamenDoen)
    {
        var now = at ?? DateTimeOffset.UtcNow;
        await using var db = database.NewContext();
        var schemeId = await db.Schemes.Where(s => s.Slug == scheme).Select(s => s.Id).SingleAsync();
        var by = Actor.Applicant(organisation.Members[0].UserId);
        var application = new Application(organisation.Id, schemeId, "nl", by, now);
        if (complete)
        {
            application.DescribeActivity("Kookavond voor moeders", "Wij koken samen en praten over opvoeden in twee culturen.",
                "Moeders uit Hatert en hun kinderen", 25, "Zuid/Hatert", DateOnly.FromDateTime(now.UtcDateTime).AddDays(30), null,
                "Iedereen mag aanschuiven. Wij hangen een poster op in het buurthuis.", by, now);
            application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(costEuros), by, now);
        }
        else
        {
            application.DescribeActivity("Kookavond voor moeders", null, null, null, null, null, null, null, by, now);
        }
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application;
    }

    /// <summary>
    /// The reviewer declares no personal interest in the sent-in application (art. 2:4 Awb), as on its summary page: every
    /// other reviewer page of it asks for this first.
    /// </summary>
    public static async Task DeclaredNoConflictAsync(TestDatabase database, Guid applicationId, Guid reviewerId)
    {
        await using var db = database.NewContext();
        var reviewCase = await db.Set<Portal.Domain.Review.ReviewCase>().Include(c => c.Declarations).SingleAsync(c => c.ApplicationId == applicationId);
        if (reviewCase.DeclarationOf(reviewerId) is null) reviewCase.Declare(false, null, Actor.Reviewer(reviewerId), DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }

    /// <summary>A submitted application, submitted through the domain (reference given, not from the sequence).</summary>
    public static async Task<Application> SubmittedAsync(TestDatabase database, Organisation organisation, string reference = "NIJ-2026-00042",
        DateTimeOffset? submittedAt = null)
    {
        var draft = await DraftAsync(database, organisation);
        await using var db = database.NewContext();
        var application = await db.Applications.Include(a => a.BudgetLines).Include(a => a.Events).SingleAsync(a => a.Id == draft.Id);
        var scheme = await db.Schemes.SingleAsync(s => s.Id == application.SchemeId);
        application.Submit(scheme, organisation, declarationAccepted: true, reference, Actor.Applicant(organisation.Members[0].UserId),
            submittedAt ?? DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return application;
    }

    /// <summary>
    /// A submitted application that a reviewer took up and decided on, through the domain's verbs (so with its timeline
    /// and audit rows, as every state change has them).
    /// </summary>
    public static async Task<Application> DecidedAsync(TestDatabase database, Organisation organisation,
        ProposedOutcome outcome = ProposedOutcome.Grant, string reference = "NIJ-2026-00042")
    {
        var submitted = await SubmittedAsync(database, organisation, reference);
        await using var db = database.NewContext();
        var application = await db.Applications.Include(a => a.Events).SingleAsync(a => a.Id == submitted.Id);
        var reviewer = Actor.Reviewer(Guid.NewGuid());
        var now = DateTimeOffset.UtcNow;
        application.StartReview(reviewer, now);
        application.ProposeDecision(outcome, reviewer, now);
        application.Decide(outcome == ProposedOutcome.Refuse ? Actor.Approver(Guid.NewGuid()) : reviewer, now);
        await db.SaveChangesAsync();
        return application;
    }
}
