using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;

namespace Portal.Review;

/// <summary>
/// Fills a database with <c>N</c> realistic sent-in applications (issue 11, point 11): <c>dotnet Portal.dll
/// --generate-applications N</c>. Built through the domain's verbs in batches — so every one has its timeline, audit rows,
/// review case and decision term as in real use — across the demo schemes, every district, the last 200 days, and the
/// states a reviewer meets: sent in, in review, waiting for a completeness answer (with a term), proposed, decided,
/// withdrawn. Groups apply one to three times. For benchmarks and trying the inbox; never run it on a real database.
/// </summary>
public static class ApplicationGenerator
{
    private const int Batch = 250;

    private static readonly string[] Groups =
    [
        "Moedergroep", "Buurtmoestuin", "Jongerenvoetbal", "Iftar voor de buurt", "Mantelzorgcafé", "Taalcafé", "Naaiatelier",
        "Wandelclub", "Huiswerkklas", "Buurtkeuken", "Vrouwen in beweging", "Schaakclub", "Repaircafé", "Zangkoor",
    ];

    private static readonly string[] Titles =
    [
        "Samen koken en eten", "Voetbaldag voor jongeren", "Zaaidag in de moestuin", "Koffie voor mantelzorgers", "Buurtfeest",
        "Taalles aan de keukentafel", "Wandeltocht door de wijk", "Huiswerkhulp na school",
    ];

    public static async Task GenerateAsync(PortalDbContext db, TimeProvider clock, int count, TextWriter log)
    {
        await DemoData.SeedSchemesAsync(db, clock);
        var schemes = await db.Schemes.AsNoTracking().ToListAsync();
        var places = Neighbourhoods.All.SelectMany(d => d.Neighbourhoods.Select(n => $"{d.District}/{n}")).ToArray();
        var random = new Random(11);
        var now = clock.GetUtcNow();
        var calendar = AtwCalendar.Netherlands;
        var made = 0;
        Organisation? group = null;
        var groupLeft = 0;
        while (made < count)
        {
            var size = Math.Min(Batch, count - made);
            var numbers = await db.Database.SqlQuery<long>(
                $"""SELECT nextval('"ApplicationReferenceNumbers"') AS "Value" FROM generate_series(1, {size})""").ToListAsync();
            foreach (var number in numbers)
            {
                var applicant = Actor.Applicant(Guid.NewGuid());
                var reviewer = Actor.Reviewer(Guid.NewGuid());
                var at = now.AddMinutes(-random.Next(0, 200 * 24 * 60));
                var place = places[random.Next(places.Length)];
                if (groupLeft-- <= 0)
                {
                    group = new Organisation($"{Groups[random.Next(Groups.Length)]} {place.Split('/')[1]} {random.Next(1, 999)}",
                        OrganisationKind.InformalGroup, Actor.System, at.AddDays(-10));
                    group.Describe(OrganisationKind.InformalGroup, null, place, "Contact", null, random.Next(3) == 0 ? null : random.Next(2) == 0,
                        Actor.System, at.AddDays(-10));
                    group.PayThroughHost("Stichting Buurtwerk Nijmegen", "Karin de Vries", "karin@buurtwerk.example", true, Actor.System, at.AddDays(-10));
                    db.Organisations.Add(group);
                    groupLeft = random.Next(0, 3);
                }
                var scheme = schemes[random.Next(schemes.Count)];
                var application = new Application(group!.Id, scheme.Id, random.Next(5) == 0 ? "ar" : "nl", applicant, at.AddDays(-3));
                application.DescribeActivity(Titles[random.Next(Titles.Length)], "Wij doen het samen met de buurt en iedereen is welkom.",
                    "Bewoners van " + place.Split('/')[1], random.Next(10, 150), place, NijmegenTime.DayOf(at).AddDays(60), null,
                    "Wij hangen posters op.", applicant, at.AddDays(-3));
                var euros = Math.Clamp(random.Next(1, 11) * 100L, scheme.Minimum.Cents / 100, Math.Min(1_000, scheme.Maximum.Cents / 100));
                application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(euros), applicant, at.AddDays(-3));
                var year = NijmegenTime.DayOf(at).Year - (int)((number - 1) / 99_999);
                application.Submit(scheme, group, true, ReferenceNumber.Format(year, (number - 1) % 99_999 + 1), applicant, at);
                var later = at.AddDays(random.Next(1, 10));
                if (later < now)
                {
                    switch (random.Next(10))
                    {
                        case < 3: break; // still waiting to be taken up
                        case 3:
                            application.Withdraw(applicant, later);
                            break;
                        case 4:
                            application.StartReview(reviewer, later);
                            application.RequestCompletion(null, NijmegenTime.DayOf(later).AddDays(14), calendar, reviewer, later);
                            break;
                        case 5:
                            application.StartReview(reviewer, later);
                            application.ProposeDecision(ProposedOutcome.Grant, reviewer, later);
                            break;
                        case 6:
                            application.StartReview(reviewer, later);
                            application.ProposeDecision(ProposedOutcome.Grant, reviewer, later);
                            application.Decide(reviewer, later);
                            break;
                        default:
                            application.StartReview(reviewer, later);
                            break;
                    }
                }
                db.Applications.Add(application);
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            made += size;
            await log.WriteLineAsync($"{made} of {count} applications");
        }
    }
}
