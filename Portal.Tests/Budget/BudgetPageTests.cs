using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.TestSupport;
using Portal.Domain.Accounts;
using Portal.Domain.Budget;
using Portal.Domain.Common;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Review;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Budget;

/// <summary>
/// Issue 11, point 9, on the pages: /review/budget shows reviewers and approvers each scheme's ceiling, what is held,
/// granted and left, and the queue in its order with the draw; applicants and coaches never reach it. When a scheme's
/// budget is spent, the catalogue, the scheme's page and the quick check say so plainly in every language and point to
/// other schemes and a coach.
/// </summary>
[Collection(Db.ApplicationParts)]
public sealed class BudgetPageTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Organisation> GroupAsync()
    {
        var member = await TestAccounts.CreateAsync(fixture.Factory, $"lid{Guid.NewGuid():N}@example.org", Roles.Applicant);
        return await TestApplications.OrganisationAsync(fixture.Database, member.Id);
    }

    private async Task<Guid> SubmittedAsync(Organisation group, DateTimeOffset at, string reference, long euros = 800)
    {
        var draft = await TestApplications.DraftAsync(fixture.Database, group, costEuros: euros, at: at);
        await using var db = fixture.Database.NewContext();
        var application = await db.Applications.Include(a => a.BudgetLines).Include(a => a.Events).SingleAsync(a => a.Id == draft.Id);
        var scheme = await db.Schemes.SingleAsync(s => s.Id == application.SchemeId);
        application.Submit(scheme, group, declarationAccepted: true, reference, Actor.Applicant(group.Members[0].UserId), at);
        await db.SaveChangesAsync();
        return application.Id;
    }

    private async Task SetCeilingAsync(long euros) =>
        await fixture.Database.Database.ExecuteAsync($"""UPDATE "Schemes" SET "BudgetCeilingCents" = {euros * 100} WHERE "Slug" = '{DemoSchemes.SamenDoen}'""");

    /// <summary>A staff member with a second factor, signed in.</summary>
    private async Task<FormClient> StaffAsync(string email, string role)
    {
        var key = Totp.NewKey();
        await TestAccounts.CreateAsync(fixture.Factory, email, role, authenticatorKey: key);
        var client = new FormClient(fixture.Factory);
        await client.SignInWithCodeAsync(email, TestAccounts.Password, key);
        return client;
    }

    [Fact]
    public async Task Reviewers_and_approvers_see_the_ceiling_what_is_left_and_the_queue_in_its_order_and_nobody_else_does()
    {
        var group = await GroupAsync();
        await SetCeilingAsync(2_000);
        var later = await SubmittedAsync(group, BudgetLedgerTests.DaysAgo(3), "NIJ-2026-00003");
        var first = await SubmittedAsync(group, BudgetLedgerTests.DaysAgo(9), "NIJ-2026-00001");
        var sameDay = await SubmittedAsync(group, BudgetLedgerTests.DaysAgo(9).AddHours(2), "NIJ-2026-00002");
        var last = await SubmittedAsync(group, BudgetLedgerTests.DaysAgo(1), "NIJ-2026-00004");
        using var reviewer = await StaffAsync("beoordelaar@example.org", Roles.Reviewer);

        var (response, html) = await reviewer.GetAsync("/review/budget");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var section = WebUtility.HtmlDecode(html[html.IndexOf("data-scheme=\"samen-doen\"", StringComparison.Ordinal)..]);
        Assert.Contains("data-figure=\"ceiling\">\u2066€\u00A02.000\u2069", section, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"reserved\">\u2066€\u00A03.200\u2069", section, StringComparison.Ordinal);
        Assert.Contains("data-figure=\"left\"><strong>\u2066€\u00A00\u2069", section, StringComparison.Ordinal);
        Assert.Contains("data-spent", section, StringComparison.Ordinal);
        // The two of one day in the order of their draw ("1 van 2", "2 van 2"), the later day last and not fully covered.
        var rows = System.Text.RegularExpressions.Regex.Matches(section, "data-application=\"([0-9a-f-]+)\"").Select(m => Guid.Parse(m.Groups[1].Value)).ToList();
        Assert.Equal([later, last], rows.Skip(2));
        Assert.Equal(new[] { first, sameDay }.Order(), rows.Take(2).Order());
        Assert.Contains("1 van 2", section, StringComparison.Ordinal);
        Assert.Contains("2 van 2", section, StringComparison.Ordinal);
        Assert.Contains("data-fits=\"Partial\">Niet helemaal", section, StringComparison.Ordinal); // € 400 of the € 800 it asks
        Assert.Contains("data-fits=\"None\">Nee, er is niets meer over", section, StringComparison.Ordinal);
        await using (var db = fixture.Database.NewContext())
            Assert.Contains((await db.Set<BudgetDraw>().SingleAsync(d => d.Count == 2)).Seed, section, StringComparison.Ordinal);

        using var approver = await StaffAsync("fiatteur@example.org", Roles.Approver);
        Assert.Equal(HttpStatusCode.OK, (await approver.GetAsync("/review/budget")).Response.StatusCode);

        var (applicant, _) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var coach = await StaffAsync("coach@example.org", Roles.Coach);
        foreach (var outsider in new[] { applicant, coach, new FormClient(fixture.Factory) })
            using (outsider)
            {
                var (denied, page) = await outsider.GetAsync("/review/budget");
                Assert.NotEqual(HttpStatusCode.OK, denied.StatusCode);
                Assert.DoesNotContain("NIJ-2026-00001", page, StringComparison.Ordinal);
            }
    }

    public static TheoryData<string, string> SpentTexts => new()
    {
        { "nl", "Budget op" },
        { "en", "Budget spent" },
        { "ar", "نفدت الميزانية" },
    };

    [Theory]
    [MemberData(nameof(SpentTexts))]
    public async Task When_a_schemes_budget_is_spent_the_catalogue_its_page_and_the_quick_check_say_so_and_point_elsewhere(string language, string spent)
    {
        var culture = ("Cookie", $".AspNetCore.Culture=c%3D{language}%7Cuic%3D{language}");
        using var visitor = new FormClient(fixture.Factory);
        var group = await GroupAsync();
        await SubmittedAsync(group, BudgetLedgerTests.DaysAgo(2), "NIJ-2026-00010");
        var (_, before) = await visitor.GetAsync("/schemes", culture);
        Assert.DoesNotContain(spent, before, StringComparison.Ordinal);

        await SetCeilingAsync(800); // all of it held for the application above

        var (_, catalogue) = await visitor.GetAsync("/schemes", culture);
        var cards = catalogue.Split("<li class=\"card\"").Skip(1).ToList();
        Assert.Contains(spent, Assert.Single(cards, c => c.Contains("data-scheme=\"samen-doen\"", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Single(cards, c => c.Contains(spent, StringComparison.Ordinal));
        var (_, details) = await visitor.GetAsync("/schemes/samen-doen", culture);
        Assert.Contains(spent, details, StringComparison.Ordinal);
        Assert.Contains("href=\"/schemes\"", details[details.IndexOf("data-budget-spent", StringComparison.Ordinal)..], StringComparison.Ordinal);
        var (_, result) = await visitor.GetAsync("/schemes/samen-doen/check/result?InNijmegen=yes&Together=yes&OpenToOthers=yes&NoProfit=yes&NotStarted=yes", culture);
        var notice = result[result.IndexOf("data-budget-spent", StringComparison.Ordinal)..];
        Assert.Contains(spent, notice, StringComparison.Ordinal);
        Assert.Contains("href=\"/help/ask?from=", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inbox_summary_shows_what_is_left_of_each_open_scheme()
    {
        var group = await GroupAsync();
        await SetCeilingAsync(2_000);
        await SubmittedAsync(group, BudgetLedgerTests.DaysAgo(2), "NIJ-2026-00020", euros: 500);
        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Portal.Data.PortalDbContext>();

        var rows = (await BudgetOverview.RemainingAsync(db)).ToDictionary(r => r.SchemeId);
        var samenDoen = await db.Schemes.Where(s => s.Slug == DemoSchemes.SamenDoen).Select(s => s.Id).SingleAsync();

        Assert.Equal((Money.FromEuros(2_000), Money.FromEuros(500), Money.Zero, Money.FromEuros(1_500)),
            (rows[samenDoen].Ceiling, rows[samenDoen].Reserved, rows[samenDoen].Granted, rows[samenDoen].Left));
        Assert.All(rows.Values.Where(r => r.SchemeId != samenDoen), r => Assert.Equal(r.Ceiling, r.Left));
    }
}
