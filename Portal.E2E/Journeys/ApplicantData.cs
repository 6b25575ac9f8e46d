using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.E2E.Infrastructure;

namespace Portal.E2E.Journeys;

/// <summary>
/// A group and a draft application made through the domain and saved in the portal's database, for journeys about a
/// later step (ApplicantJourney clicks through the earlier ones).
/// </summary>
public static class ApplicantData
{
    public const string Title = "Koken en praten in Hatert";
    public const string Description = "Elke maand koken wij samen met moeders uit de buurt. Na het eten praten wij over opvoeden.";
    public const string ForWhom = "Moeders met jonge kinderen uit Hatert.";
    public const string HowOthersJoin = "Wij hangen posters op in het buurthuis.";

    /// <summary>
    /// An informal group paid through a host organisation, and a draft for "Samen Doen" with every activity answer
    /// (unless <paramref name="activity"/> is false: then only the title) and one cost row per amount.
    /// </summary>
    public static async Task<Guid> DraftAsync(PortalServer server, TestAccount account, bool activity, params long[] costEuros)
    {
        await server.SeedSchemesAsync();
        await using var scope = server.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var userId = (await users.FindByEmailAsync(account.Email))!.Id;
        var now = DateTimeOffset.UtcNow;

        var organisation = new Organisation("Moedergroep Hatert", OrganisationKind.InformalGroup, Actor.Applicant(userId), now);
        organisation.Describe(OrganisationKind.InformalGroup, "Tien moeders uit Hatert", "Zuid/Hatert", "Amina", "06 1234 5678", true, Actor.Applicant(userId), now);
        organisation.PayThroughHost("Stichting Buurtwerk Zuid", "Karin de Vries", "karin@buurtwerk.example", agreementConfirmed: true, Actor.Applicant(userId), now);
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync();

        var schemeId = await db.Schemes.Where(s => s.Slug == DemoSchemes.SamenDoen).Select(s => s.Id).SingleAsync();
        var application = new Application(organisation.Id, schemeId, "nl", Actor.Applicant(userId), now);
        if (activity)
            application.DescribeActivity(Title, Description, ForWhom, 25, "Zuid/Hatert", DateOnly.FromDateTime(now.UtcDateTime).AddDays(30), null,
                HowOthersJoin, Actor.Applicant(userId), now);
        else
            application.DescribeActivity(Title, null, null, null, null, null, null, null, Actor.Applicant(userId), now);
        foreach (var euros in costEuros) application.AddCost(CostCategory.RoomHire, "Zaal in het buurthuis", Money.FromEuros(euros), Actor.Applicant(userId), now);
        db.Applications.Add(application);
        await db.SaveChangesAsync();
        return application.Id;
    }

    /// <summary>The criteria of "Samen Doen" as the assessment form names them.</summary>
    public static readonly string[] SamenDoenCriteria =
        ["Bereik in de buurt", "Bewoners doen mee", "Vertrouwen en aansluiting", "Ontmoeting tussen groepen", "Haalbaar", "Redelijke begroting"];

    /// <summary>A small PDF for every document the scheme asks at the application's amount, as the attachments page adds them.</summary>
    public static void AttachRequired(PortalDbContext db, Application application, Scheme scheme, Actor by, DateTimeOffset at)
    {
        foreach (var kind in scheme.RequiredDocuments(application.Requested))
        {
            var attachment = application.Attach(scheme, kind, $"{kind}.pdf", "application/pdf", 4, by, at);
            db.AttachmentFiles.Add(new AttachmentFile { AttachmentId = attachment.Id, Content = "%PDF"u8.ToArray() });
        }
    }

    /// <summary>
    /// Sends the draft in at <paramref name="sentIn"/> and lets the reviewer take it up then; the reviewer declared no personal
    /// interest (art. 2:4 Awb; the inbox journey walks that page itself). Through the domain's verbs; returns the reference.
    /// </summary>
    public static async Task<string> SentInAndTakenUpAsync(PortalServer server, Guid id, TestAccount member, TestAccount reviewer,
        DateTimeOffset sentIn)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var (memberId, reviewerId) = ((await users.FindByEmailAsync(member.Email))!.Id, (await users.FindByEmailAsync(reviewer.Email))!.Id);
        var application = await db.Applications.Include(a => a.BudgetLines).Include(a => a.Attachments).Include(a => a.Events)
            .SingleAsync(a => a.Id == id);
        var scheme = await db.Schemes.SingleAsync(s => s.Id == application.SchemeId);
        var organisation = await db.Organisations.Include(o => o.Members).SingleAsync(o => o.Id == application.OrganisationId);
        var reference = $"NIJ-2026-{Random.Shared.Next(10000, 99999)}";
        application.Submit(scheme, organisation, declarationAccepted: true, reference, Actor.Applicant(memberId), sentIn);
        application.StartReview(Actor.Reviewer(reviewerId), sentIn);
        await db.SaveChangesAsync();
        var reviewCase = await db.Set<Portal.Domain.Review.ReviewCase>().Include(c => c.Declarations).SingleAsync(c => c.ApplicationId == id);
        reviewCase.Declare(false, null, Actor.Reviewer(reviewerId), DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
        return reference;
    }

    /// <summary>The application as it is stored now.</summary>
    public static async Task<Application> LoadAsync(PortalServer server, Guid id)
    {
        await using var scope = server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.Applications.AsNoTracking().Include(a => a.BudgetLines).Include(a => a.Attachments).SingleAsync(a => a.Id == id);
    }
}
