using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;

/// <summary>
/// Fills a database with sent-in applications for the reviewers' inbox at scale (issue 11, point 11):
///   BenchSeed CONNECTION_STRING --applications N [--seed S]
/// N applications across the open demo schemes, districts and neighbourhoods, sent in over the past year and moved on
/// through the domain's own verbs to every state a reviewer meets (sent in, in review, waiting for the applicant, proposed,
/// decided, withdrawn), so the rows, their timeline and their audit trail are what the portal itself would have written.
/// Groups have one to five applications (about half apply for the first time); their accounts have no email address, so
/// no mail is queued. The same seed makes the same data. Batches of 100 keep memory flat and the change tracker small.
/// </summary>
internal static class Generate
{
    private const int Batch = 100;

    private static readonly string[] Titles =
    [
        "Kookavond voor moeders", "Iftar voor de hele buurt", "Taalcafé op zaterdag", "Huiswerkklas", "Buurtbarbecue",
        "Wandelgroep voor ouderen", "Naaiatelier", "Voetbaltoernooi voor jongeren", "Muziekavond", "Suikerfeest in het buurthuis",
        "Yoga voor vrouwen", "Fietsles voor nieuwkomers", "Repaircafé", "Kinderfeest", "Theemiddag", "Moestuin in de wijk",
        "أمسية طبخ للأمهات", "حلقة قراءة للأطفال", "Mahalle kahvaltısı", "Kadınlar için yürüyüş", "Зустріч українських родин",
    ];

    private static readonly string[] Groups =
    [
        "Moedergroep", "Vrouwengroep", "Jongerenclub", "Bewonersinitiatief", "Stichting Samen", "Vereniging Ontmoeting",
        "Eritrese gemeenschap", "Syrische vrouwen", "Turkse ouderen", "Marokkaanse vaders", "Oekraïense families", "Taalmaatjes",
    ];

    public static async Task<int> RunAsync(string connectionString, int count, int seed)
    {
        var random = new Random(seed);
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql(connectionString).Options;
        List<(int Id, Scheme Scheme)> schemes;
        await using (var db = new PortalDbContext(options))
        {
            var today = NijmegenTime.DayOf(DateTimeOffset.UtcNow);
            schemes = (await db.Schemes.AsNoTracking().ToListAsync())
                .Where(s => s.ClosesOn >= today && s.NoDocumentsUpTo >= s.Minimum).Select(s => (s.Id, s)).ToList();
        }
        if (schemes.Count == 0)
        {
            Console.Error.WriteLine("No open scheme without documents: run the portal once with --seed-demo-data first.");
            return 1;
        }
        var neighbourhoods = Neighbourhoods.All.SelectMany(d => d.Neighbourhoods.Select(n => $"{d.District}/{n}")).ToArray();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var made = 0;
        while (made < count)
        {
            await using var db = new PortalDbContext(options);
            // The schemes as known to this context: the inbox row and the budget follow the submission without asking for them.
            db.Schemes.AttachRange(schemes.Select(s => s.Scheme));
            var size = Math.Min(Batch, count - made);
            var numbers = await db.Database.SqlQuery<long>(
                $"""SELECT nextval('"ApplicationReferenceNumbers"') AS "Value" FROM generate_series(1, {size})""").ToListAsync();
            var left = size;
            while (left > 0)
            {
                // One group, its account, and one to five applications.
                var user = new PortalUser { Id = Guid.NewGuid(), UserName = $"gen-{Guid.NewGuid():N}", SecurityStamp = Guid.NewGuid().ToString(), CreatedAt = DateTimeOffset.UtcNow };
                db.Users.Add(user);
                var by = Actor.Applicant(user.Id);
                var neighbourhood = neighbourhoods[random.Next(neighbourhoods.Length)];
                var first = DateTimeOffset.UtcNow.AddDays(-random.Next(5, 365));
                var group = new Organisation($"{Groups[random.Next(Groups.Length)]} {neighbourhood.Split('/')[1]} {random.Next(1, 999)}",
                    OrganisationKind.InformalGroup, by, first);
                group.Describe(OrganisationKind.InformalGroup, "Buren die samen iets organiseren", neighbourhood, "Contactpersoon", "06 1234 5678", true, by, first);
                group.PayThroughHost("Stichting Buurtwerk", "Karin de Vries", "karin@buurtwerk.example", agreementConfirmed: true, by, first);
                db.Organisations.Add(group);
                var applications = Math.Min(left, random.Next(0, 2) == 0 ? 1 : random.Next(2, 6));
                for (var i = 0; i < applications; i++, left--)
                {
                    var (schemeId, scheme) = schemes[random.Next(schemes.Count)];
                    var sentIn = first.AddDays(i * 30 + random.Next(0, 20));
                    if (sentIn > DateTimeOffset.UtcNow) sentIn = DateTimeOffset.UtcNow.AddHours(-random.Next(1, 48));
                    var application = new Application(group.Id, schemeId, "nl", by, sentIn.AddDays(-3));
                    application.DescribeActivity(Titles[random.Next(Titles.Length)], "Wij organiseren dit samen met de buurt.", "Bewoners van de wijk",
                        random.Next(10, 120), neighbourhood, NijmegenTime.DayOf(sentIn).AddDays(random.Next(30, 120)), null, "Iedereen is welkom.", by,
                        sentIn.AddDays(-3));
                    var euros = random.NextInt64(scheme.Minimum.Cents / 100, scheme.NoDocumentsUpTo.Cents / 100 + 1);
                    application.AddCost(CostCategory.FoodAndDrink, "Boodschappen en huur", Money.FromEuros(euros), by, sentIn.AddDays(-3));
                    application.Submit(scheme, group, declarationAccepted: true, Reference(sentIn, numbers[size - left]), by, sentIn);
                    MoveOn(application, scheme, random, by, sentIn);
                    db.Applications.Add(application);
                }
            }
            await db.SaveChangesAsync();
            made += size;
            Console.Error.WriteLine($"{made} applications ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        return 0;
    }

    /// <summary>
    /// NIJ-YYYY-NNNNN has room for 99,999 a year; the shared sequence goes past that at 100,000 generated applications, so
    /// each further 99,999 numbers count ten years earlier, before any real year of the data (made-up data: unique
    /// references matter, not their year).
    /// </summary>
    public static string Reference(DateTimeOffset sentIn, long number) =>
        ReferenceNumber.Format(sentIn.Year - 10 * (int)((number - 1) / 99_999), (number - 1) % 99_999 + 1);

    /// <summary>Takes the application on to a state drawn in proportions a busy inbox has, through the domain's verbs.</summary>
    private static void MoveOn(Application application, Scheme scheme, Random random, Actor applicant, DateTimeOffset sentIn)
    {
        var reviewer = Actor.Reviewer(Guid.Empty);
        var now = DateTimeOffset.UtcNow;
        var step = sentIn.AddDays(random.Next(1, 10));
        if (step > now) step = now;
        var draw = random.Next(100);
        if (draw < 15) return; // sent in, not yet taken up
        if (draw < 20)
        {
            application.Withdraw(applicant, step);
            return;
        }
        application.StartReview(reviewer, step);
        if (draw < 45) return; // in review
        if (draw < 55)
        {
            // Waiting for the applicant: a completeness request with a term still running.
            application.RequestCompletion(QuestionKey.Description, NijmegenTime.DayOf(now).AddDays(random.Next(1, 14)), AtwCalendar.Netherlands, reviewer, now);
            return;
        }
        var outcome = draw < 80 ? ProposedOutcome.Grant : draw < 88 ? ProposedOutcome.PartialGrant : ProposedOutcome.Refuse;
        application.ProposeDecision(outcome, reviewer, step);
        if (draw < 65) return; // proposed, waiting for a decision
        application.Decide(outcome == ProposedOutcome.Refuse ? Actor.Approver(Guid.Empty) : reviewer, step);
    }
}
