using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Review;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;

namespace Portal.Review;

/// <summary>
/// A living inbox for the README's reviewer (issue 11): groups from the digest that sent applications in over the last
/// weeks — one past its legal date, one near it, one taken up by the demo reviewer (who declared no conflict), one sent in
/// today. Built through the domain's verbs, so every row has its audit trail and term. Seeded once. The groups' members
/// are accounts without a password (they cannot sign in); amounts and names are examples.
/// </summary>
public static class DemoReview
{
    private sealed record Demo(string Group, string Member, string Neighbourhood, string Scheme, int DaysAgo, string Title, string Description,
        string ForWhom, int People, long Euros, string Language, bool TakenByReviewer);

    private static readonly Demo[] Demos =
    [
        new("Eritrese jongeren Nijmegen", "yohannes@demo.portal.example", "Oud-West/Wolfskuil", DemoSchemes.Themabijeenkomsten, 62,
            "Voetbaldag voor jongeren", "Een dag voetbal en daarna samen eten, met ouders erbij.", "Jongeren uit Eritrea en uit de buurt", 60, 900,
            "nl", false),
        new("Iftar voor de buurt Hatert", "khadija@demo.portal.example", "Zuid/Hatert", DemoSchemes.SamenDoen, 53,
            "إفطار مفتوح للجيران", "نطبخ معًا وندعو كل الجيران إلى الإفطار في المركز.", "كل سكان الحي", 120, 750, "ar", false),
        new("Buurtmoestuin Lindenholt", "els@demo.portal.example", "Lindenholt/Vogelzang", DemoSchemes.SamenDoen, 20,
            "Zaaidag in de moestuin", "Wij zaaien samen en leren kinderen hoe groente groeit.", "Gezinnen uit Vogelzang", 30, 400, "nl", true),
        new("Mantelzorgcafé Oost", "ria@demo.portal.example", "Oost/Hengstdal", DemoSchemes.Mantelzorg, 0,
            "Koffie voor mantelzorgers", "Elke maand een ochtend koffie en een praatje voor wie voor een ander zorgt.", "Mantelzorgers uit Oost", 25,
            600, "nl", false),
    ];

    public static async Task SeedAsync(PortalDbContext db, UserManager<PortalUser> users, TimeProvider clock)
    {
        if (await db.Set<ReviewCase>().AnyAsync()) return;
        if (await users.FindByEmailAsync("reviewer@portal.example") is not { } reviewer) return;
        var now = clock.GetUtcNow();
        var schemes = await db.Schemes.ToDictionaryAsync(s => s.Slug);
        foreach (var demo in Demos)
        {
            if (!schemes.TryGetValue(demo.Scheme, out var scheme)) continue;
            var member = await users.FindByEmailAsync(demo.Member);
            if (member is null)
            {
                member = new PortalUser { UserName = demo.Member, Email = demo.Member, EmailConfirmed = true, CreatedAt = now, PreferredLanguage = demo.Language };
                if (!(await users.CreateAsync(member)).Succeeded) continue;
            }
            var at = now.AddDays(-demo.DaysAgo).AddHours(-1);
            var by = Actor.Applicant(member.Id);
            var group = new Organisation(demo.Group, OrganisationKind.InformalGroup, by, at.AddDays(-3));
            group.Describe(OrganisationKind.InformalGroup, null, demo.Neighbourhood, demo.Member.Split('@')[0], null, null, by, at.AddDays(-3));
            group.PayThroughHost("Stichting Buurtwerk Nijmegen", "Karin de Vries", "karin@buurtwerk.example", agreementConfirmed: true, by, at.AddDays(-3));
            db.Organisations.Add(group);
            var application = new Application(group.Id, scheme.Id, demo.Language, by, at.AddDays(-2));
            application.DescribeActivity(demo.Title, demo.Description, demo.ForWhom, demo.People, demo.Neighbourhood,
                NijmegenTime.DayOf(now).AddDays(45), null, "Iedereen is welkom; wij hangen posters op.", by, at.AddDays(-2));
            application.AddCost(CostCategory.FoodAndDrink, "Boodschappen en zaalhuur", Money.FromEuros(demo.Euros), by, at.AddDays(-2));
            var number = await db.Database.SqlQuery<long>($"""SELECT nextval('"ApplicationReferenceNumbers"') AS "Value" """).SingleAsync();
            application.Submit(scheme, group, declarationAccepted: true, ReferenceNumber.Format(at.Year, number), by, at);
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            if (demo.TakenByReviewer)
            {
                var reviewCase = await db.Set<ReviewCase>().Include(c => c.Declarations).SingleAsync(c => c.ApplicationId == application.Id);
                var asReviewer = Actor.Reviewer(reviewer.Id);
                reviewCase.Declare(false, null, asReviewer, at.AddDays(1));
                reviewCase.AssignToSelf(asReviewer, at.AddDays(1));
                application.StartReview(asReviewer, at.AddDays(1));
                await db.SaveChangesAsync();
            }
        }
    }
}
