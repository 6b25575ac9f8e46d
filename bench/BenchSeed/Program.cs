using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;

// scripts/bench.sh: gives the demo applicant (seeded by the portal's --seed-demo-data) what the measured pages need,
// built through the domain's verbs like the pages build it (so with audit rows and outbox mail), and prints the ids:
//   BenchSeed CONNECTION_STRING N
// prints "draft=<id> submitted=<id>" (an organisation, a complete draft and a submitted application: made once, found
// again on the next run), then N fresh empty drafts, one id a line, for the add-a-row POSTs (a draft holds at most 50
// rows, and a draft per request in flight keeps the optimistic concurrency check from failing them).
// BenchSeed CONNECTION_STRING --applications N [--seed S]: the inbox at scale (see Generate.cs).
// BenchSeed --totp KEY: the current code of a demo staff account's authenticator key, for the reviewer's sign-in.
if (args is ["--totp", var key])
{
    Console.WriteLine(Portal.TestSupport.Totp.Code(key));
    return 0;
}
if (args is [var target, "--applications", var many, ..] && int.TryParse(many, out var applications) && applications > 0)
    return await Generate.RunAsync(target, applications, args is [_, _, _, "--seed", var seedText] && int.TryParse(seedText, out var seed) ? seed : 1);

if (args is not [var connectionString, var countText] || !int.TryParse(countText, out var count) || count < 0)
{
    Console.Error.WriteLine("usage: BenchSeed CONNECTION_STRING NUMBER_OF_EMPTY_DRAFTS | BenchSeed CONNECTION_STRING --applications N [--seed S] | BenchSeed --totp KEY");
    return 2;
}

const string OrganisationName = "Moedergroep Hatert (benchmark)";
const string DraftTitle = "Kookavond voor moeders";
const string SubmittedTitle = "Iftar voor de hele buurt";
const string RowsTitle = "Benchmark: budget rows";

await using var db = new PortalDbContext(new DbContextOptionsBuilder<PortalDbContext>().UseNpgsql(connectionString).Options);
var email = DemoData.Accounts.Single(a => a.Role == Portal.Domain.Accounts.Roles.Applicant).Email;
var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
var by = Actor.Applicant(userId);
var now = DateTimeOffset.UtcNow;
var scheme = await db.Schemes.SingleAsync(s => s.Slug == DemoSchemes.SamenDoen);

var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Name == OrganisationName);
if (organisation is null)
{
    organisation = new Organisation(OrganisationName, OrganisationKind.InformalGroup, by, now);
    organisation.Describe(OrganisationKind.InformalGroup, "Moeders uit de buurt die samen koken", "Zuid/Hatert", "Amina", "06 1234 5678", true, by, now);
    organisation.PayThroughHost("Stichting Buurtwerk Zuid", "Karin de Vries", "karin@buurtwerk.example", agreementConfirmed: true, by, now);
    db.Organisations.Add(organisation);
    await db.SaveChangesAsync();
}

var ours = db.Applications.Where(a => a.OrganisationId == organisation.Id);
var draftId = await ours.Where(a => a.Title == DraftTitle && a.Status == ApplicationStatus.Draft).Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
if (draftId is null)
{
    var draft = Draft(DraftTitle, complete: true);
    db.Applications.Add(draft);
    await db.SaveChangesAsync();
    draftId = draft.Id;
}

var submittedId = await ours.Where(a => a.Title == SubmittedTitle && a.Status == ApplicationStatus.Submitted).Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
if (submittedId is null)
{
    // One transaction, as SubmitApplication does: the reference comes from the same sequence.
    await using var transaction = await db.Database.BeginTransactionAsync();
    var submitted = Draft(SubmittedTitle, complete: true);
    db.Applications.Add(submitted);
    await db.SaveChangesAsync();
    var number = await db.Database.SqlQuery<long>($"""SELECT nextval('"ApplicationReferenceNumbers"') AS "Value" """).SingleAsync();
    submitted.Submit(scheme, organisation, declarationAccepted: true, Generate.Reference(now, number), by, now);
    await db.SaveChangesAsync();
    await transaction.CommitAsync();
    submittedId = submitted.Id;
}

var drafts = Enumerable.Range(0, count).Select(_ => Draft(RowsTitle, complete: false)).ToList();
db.Applications.AddRange(drafts);
await db.SaveChangesAsync();

Console.WriteLine($"draft={draftId} submitted={submittedId}");
foreach (var draft in drafts) Console.WriteLine(draft.Id);
return 0;

// A draft for "Kleine subsidie Samen Doen", complete (activity and one cost row under € 1,000, so no documents) or
// only titled.
Application Draft(string title, bool complete)
{
    var application = new Application(organisation.Id, scheme.Id, "nl", by, now);
    if (!complete)
    {
        application.DescribeActivity(title, null, null, null, null, null, null, null, by, now);
        return application;
    }
    application.DescribeActivity(title, "Wij koken samen en praten over opvoeden in twee culturen.", "Moeders uit Hatert en hun kinderen",
        25, "Zuid/Hatert", DateOnly.FromDateTime(now.UtcDateTime).AddDays(30), null,
        "Iedereen mag aanschuiven. Wij hangen een poster op in het buurthuis.", by, now);
    application.AddCost(CostCategory.FoodAndDrink, "Boodschappen", Money.FromEuros(800), by, now);
    return application;
}
