using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using Portal.Review;

namespace Portal.Settlement;

/// <summary>
/// Demo (issue 12, point 6): the demo applicant's group has a verleend grant whose activity ended yesterday, so a newcomer
/// can report on it (aanvrager@portal.example) and settle it (reviewer@portal.example). Built through the domain's verbs
/// and the budget ledger, in a context of its own that mails nothing; seeded once. Names and amounts are examples.
/// </summary>
public static class DemoSettlement
{
    public static async Task SeedAsync(PortalDbContext portalDb, UserManager<PortalUser> users, TimeProvider clock)
    {
        if (await portalDb.Decisions.AnyAsync(d => d.Kind == DecisionKind.Verlening)) return;
        if (await users.FindByEmailAsync("aanvrager@portal.example") is not { } member
            || await users.FindByEmailAsync("reviewer@portal.example") is not { } reviewer
            || await users.FindByEmailAsync("approver@portal.example") is not { } approver) return;
        await using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql(portalDb.Database.GetDbConnection()).Options);
        if (await db.Schemes.SingleOrDefaultAsync(s => s.Slug == DemoSchemes.SamenDoen) is not { } scheme) return;
        var now = clock.GetUtcNow();
        var at = now.AddDays(-21);
        var by = Actor.Applicant(member.Id);
        var group = new Organisation("Kookclub Moeders Hatert", OrganisationKind.InformalGroup, by, at);
        group.Describe(OrganisationKind.InformalGroup, "Moeders uit Hatert die samen koken", "Zuid/Hatert", "Amina", null, true, by, at);
        group.PayThroughHost("Stichting Buurtwerk Nijmegen", "Karin de Vries", "karin@buurtwerk.example", agreementConfirmed: true, by, at);
        db.Organisations.Add(group);
        var application = new Application(group.Id, scheme.Id, "nl", by, at);
        application.DescribeActivity("Kookavond voor moeders en kinderen", "Wij koken samen en praten over opvoeden in twee culturen.",
            "Moeders uit Hatert en hun kinderen", 25, "Zuid/Hatert", NijmegenTime.DayOf(now).AddDays(-1), null,
            "Iedereen mag aanschuiven. Wij hangen een poster op in het buurthuis.", by, at);
        application.AddCost(CostCategory.FoodAndDrink, "Boodschappen en zaalhuur", Money.FromEuros(850), by, at);
        var number = await db.Database.SqlQuery<long>($"""SELECT nextval('"ApplicationReferenceNumbers"') AS "Value" """).SingleAsync();
        application.Submit(scheme, group, declarationAccepted: true, ReferenceNumber.Format(at.Year, number), by, at);
        db.Applications.Add(application);
        await db.SaveChangesAsync();

        var ledger = new BudgetLedger(db, clock);
        await ledger.HoldDrawsAsync();
        var asReviewer = Actor.Reviewer(reviewer.Id);
        var asApprover = Actor.Approver(approver.Id);
        await using var transaction = await db.Database.BeginTransactionAsync();
        application.StartReview(asReviewer, at.AddDays(2));
        application.ProposeDecision(ProposedOutcome.Grant, asReviewer, at.AddDays(3));
        application.Decide(asApprover, at.AddDays(4));
        await ledger.SpendAsync(application, application.Requested, asApprover);
        // This one grant is verleend (to be settled after a report): a copy of the scheme that verleent every grant; the demo
        // scheme itself keeps its threshold.
        var verlenend = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == scheme.Id);
        verlenend.SettleDirectlyUpTo(Money.Zero);
        db.Decisions.Add(Decision.Take(application, verlenend, 1, null, ProposedOutcome.Grant, application.Requested, ["FitsScheme"], null,
            "Een mooi plan dat moeders en kinderen uit de buurt samenbrengt.", ApplicationSnapshot.Of(application), asApprover, at.AddDays(4)));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }
}
