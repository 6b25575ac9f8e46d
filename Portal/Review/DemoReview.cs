using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Assessment;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Review;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;

namespace Portal.Review;

/// <summary>
/// A living inbox for the README's reviewer and approver (issue 11, point 12): groups from the digest that sent
/// applications in over the last weeks, in every state a reviewer meets — one past its legal date with a notice of default,
/// one near its legal date, one taken up by the demo reviewer (who declared no conflict), one waiting for the group's
/// answer to a completeness request, one whose completeness term ran out unused, one whose proposed partial grant waits for
/// the approver, and one sent in today. Built through the domain's verbs, so every row has its audit trail, term and budget
/// reservation. Seeded once, in a context of its own: the groups are made up, so nothing is mailed to them. Their members
/// are accounts without a password (they cannot sign in); amounts and names are examples.
/// </summary>
public static class DemoReview
{
    private const string DemoApplicant = "aanvrager@portal.example";

    private enum Stage { SentIn, DefaultNotice, Taken, CompletenessOpen, TermUnused, AwaitingApproval }

    private sealed record Demo(string Group, string Member, string Neighbourhood, string Scheme, int DaysAgo, string Title, string Description,
        string ForWhom, int People, long Euros, string Language, Stage Stage);

    private static readonly Demo[] Demos =
    [
        new("Eritrese jongeren Nijmegen", "yohannes@demo.portal.example", "Oud-West/Wolfskuil", DemoSchemes.Themabijeenkomsten, 62,
            "Voetbaldag voor jongeren", "Een dag voetbal en daarna samen eten, met ouders erbij.", "Jongeren uit Eritrea en uit de buurt", 60, 900,
            "nl", Stage.DefaultNotice),
        new("Iftar voor de buurt Hatert", "khadija@demo.portal.example", "Zuid/Hatert", DemoSchemes.SamenDoen, 53,
            "إفطار مفتوح للجيران", "نطبخ معًا وندعو كل الجيران إلى الإفطار في المركز.", "كل سكان الحي", 120, 750, "ar", Stage.SentIn),
        new("Buurtmoestuin Lindenholt", "els@demo.portal.example", "Lindenholt/Vogelzang", DemoSchemes.SamenDoen, 20,
            "Zaaidag in de moestuin", "Wij zaaien samen en leren kinderen hoe groente groeit.", "Gezinnen uit Vogelzang", 30, 400, "nl", Stage.Taken),
        new("Mantelzorgcafé Oost", "ria@demo.portal.example", "Oost/Hengstdal", DemoSchemes.Mantelzorg, 0,
            "Koffie voor mantelzorgers", "Elke maand een ochtend koffie en een praatje voor wie voor een ander zorgt.", "Mantelzorgers uit Oost", 25,
            600, "nl", Stage.SentIn),
        new("Vrouwengroep Meijhorst", "samira@demo.portal.example", "Dukenburg/Meijhorst", DemoSchemes.SamenDoen, 12,
            "Naaiatelier voor moeders", "Elke week samen naaien en kleding herstellen, met kinderopvang erbij.", "Moeders uit Meijhorst", 18, 650,
            "nl", Stage.CompletenessOpen),
        new("Taalcafé Waterkwartier", "joost@demo.portal.example", "Oud-West/Waterkwartier", DemoSchemes.Themabijeenkomsten, 45,
            "Avond over vrijwilligerswerk", "Een avond waarop nieuwe Nijmegenaren horen hoe vrijwilligerswerk hier gaat.", "Nieuwkomers uit de stad", 40,
            800, "nl", Stage.TermUnused),
        // The demo applicant's own group: once the approver approves, its decision reaches aanvrager@portal.example by email
        // (agreed to at submission, Wmebv) and on the status page, where the group can object.
        new("Huiswerkklas Hatert", DemoApplicant, "Zuid/Hatert", DemoSchemes.SamenDoen, 30,
            "Huiswerkklas na school", "Twee middagen per week huiswerkhulp in het buurthuis, door ouders en studenten.", "Kinderen uit Hatert", 25,
            900, "nl", Stage.AwaitingApproval),
    ];

    public static async Task SeedAsync(PortalDbContext portalDb, UserManager<PortalUser> users, TimeProvider clock)
    {
        if (await portalDb.Set<ReviewCase>().AnyAsync()) return;
        if (await users.FindByEmailAsync("reviewer@portal.example") is not { } reviewer) return;
        // A context without the container's services writes audit rows, review cases and reservations, but queues no mail.
        await using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql(portalDb.Database.GetDbConnection()).Options);
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
            if (demo.Member == DemoApplicant)
                db.ElectronicContactConsents.Add(ElectronicContactConsent.Record(member.Id, consents: true, ConsentAskedAt.Submission,
                    application.Id, current: null, by, at)!);
            await db.SaveChangesAsync();
            if (demo.Stage == Stage.DefaultNotice)
            {
                // Past its legal date, undecided: a member holds the municipality to it (art. 4:17 Awb).
                application.SendDefaultNotice(scheme, "Wij wachten al lang. Wij willen graag weten of de voetbaldag door kan gaan.", by, now.AddDays(-2));
                await db.SaveChangesAsync();
            }
            if (demo.Stage is Stage.SentIn or Stage.DefaultNotice) continue;

            var reviewCase = await db.Set<ReviewCase>().Include(c => c.Declarations).SingleAsync(c => c.ApplicationId == application.Id);
            var asReviewer = Actor.Reviewer(reviewer.Id);
            reviewCase.Declare(false, null, asReviewer, at.AddDays(1));
            reviewCase.AssignToSelf(asReviewer, at.AddDays(1));
            application.StartReview(asReviewer, at.AddDays(1));
            await db.SaveChangesAsync();
            switch (demo.Stage)
            {
                case Stage.CompletenessOpen:
                    // Sent two days ago with the usual 14 days: the term stands still until the group answers.
                    var asked = now.AddDays(-2);
                    application.SendCompletionRequest("Wilt u de offerte van de zaalhuur sturen? Een foto of een pdf is goed.", null,
                        InformationRequest.DefaultRespondBy(NijmegenTime.DayOf(asked), AtwCalendar.Netherlands), AtwCalendar.Netherlands,
                        asReviewer, asked);
                    break;
                case Stage.TermUnused:
                    // Asked a month ago with 14 days; no answer came: the portal's daily care closes the term (4:5(4) date in the inbox).
                    var lapsedAsk = now.AddDays(-30);
                    application.SendCompletionRequest("Wie geeft de uitleg op de avond? Wilt u de naam en het programma sturen?", null,
                        AtwCalendar.Netherlands.TermEndingOn(NijmegenTime.DayOf(lapsedAsk).AddDays(14)), AtwCalendar.Netherlands, asReviewer, lapsedAsk);
                    application.TendRequests(now);
                    break;
                case Stage.AwaitingApproval:
                    await ProposePartialGrantAsync(db, application, asReviewer, now.AddDays(-1));
                    break;
            }
            await db.SaveChangesAsync();
        }
    }

    /// <summary>The demo reviewer's partial grant (a cut with its reason): partial grants always go to an approver.</summary>
    private static async Task ProposePartialGrantAsync(PortalDbContext db, Application application, Actor reviewer, DateTimeOffset at)
    {
        var framework = await db.Set<AssessmentFramework>().Include("criteria").AsNoTracking().SingleAsync(f => f.SchemeId == application.SchemeId);
        var assessment = new ApplicationAssessment(application, reviewer, at);
        foreach (var (criterion, index) in framework.Criteria.Select((c, i) => (c, i)))
            assessment.Score(framework, criterion.Key, CriterionMark.Score, 3 + index % 2, null, reviewer, at);
        assessment.WriteFeedback("Een goed plan dat kinderen en ouders uit de buurt samenbrengt.", reviewer, at);
        assessment.ChooseOutcome(ProposedOutcome.PartialGrant, ["CostsNotInScheme"], null, applicantHeard: false, reviewer, at);
        assessment.Cut(application, application.BudgetLines[0].Id, Money.FromEuros(150), "De zaalhuur betaalt het buurthuis al.", reviewer, at);
        assessment.Propose(application, framework, reviewer, at);
        db.Add(assessment);
    }
}
