using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Money;
using Portal.Tests.Infrastructure;
using static Portal.Tests.Pages.ApplicationTests;

namespace Portal.Tests.Pages;

/// <summary>
/// The budget page: cost rows added and removed, own money and other funding, totals and the scheme's limits, as plain
/// forms (a redirect after each change) and with htmx (the #budget fragment comes back with new totals).
/// </summary>
[Collection(Db.ApplicationParts)]
public sealed class BudgetTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly CultureInfo Dutch = new("nl");
    private static readonly (string Name, string Value) Htmx = ("HX-Request", "true");

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Rows_added_with_plain_posts_appear_in_the_table_with_the_total_and_the_amount_requested()
    {
        var (client, id) = await DraftAsync();

        var (first, _) = await AddAsync(client, id, "RoomHire", "Zaal in het buurthuis", "150");
        var (second, _) = await AddAsync(client, id, "FoodAndDrink", "Boodschappen", "1.250,50");
        var (_, html) = await client.GetAsync($"/applications/{id}/budget");
        var text = WebUtility.HtmlDecode(html);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal($"/applications/{id}/budget", second.Headers.Location!.OriginalString);
        Assert.Contains("Huur van een zaal", text, StringComparison.Ordinal);
        Assert.Contains("Zaal in het buurthuis", text, StringComparison.Ordinal);
        Assert.Contains(Euros(1_250_50), text, StringComparison.Ordinal);
        Assert.Contains(Euros(1_400_50), text, StringComparison.Ordinal);
        Assert.Contains("De kosten zijn toegevoegd.", text, StringComparison.Ordinal);
        Assert.Contains("class=\"table-wrap\" role=\"region\" aria-label=\"Kosten\" tabindex=\"0\"", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var saved = await db.Applications.Include(a => a.BudgetLines).SingleAsync();
        Assert.Equal([15_000L, 125_050L], saved.BudgetLines.OrderBy(l => l.Position).Select(l => l.AmountCents));
        Assert.Equal(new Money(140_050), saved.Requested);
    }

    [Fact]
    public async Task With_htmx_adding_a_row_returns_the_budget_fragment_with_new_totals_and_an_empty_row_form()
    {
        var (client, id) = await DraftAsync();
        await client.GetAsync($"/applications/{id}/budget");

        var (response, html) = await client.PostAsync($"/applications/{id}/budget?handler=Add",
            [("Cost.Category", "Materials"), ("Cost.Description", "Verf en kwasten"), ("Cost.Amount", "80")], headers: [Htmx]);
        var text = WebUtility.HtmlDecode(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<div id=\"budget\">", AfterComment(html), StringComparison.Ordinal);
        Assert.DoesNotContain("<html", html, StringComparison.Ordinal);
        Assert.Contains("Verf en kwasten", text, StringComparison.Ordinal);
        Assert.Contains($"<dd><strong>{Euros(80_00)}</strong></dd>", text, StringComparison.Ordinal);
        Assert.Contains("<p data-status-message>De kosten zijn toegevoegd.</p>", html, StringComparison.Ordinal);
        Assert.Matches("name=\"Cost.Amount\"[^>]*value=\"\">", html);
        Assert.Contains("data-focus-on-load", html, StringComparison.Ordinal);
        Assert.Contains("HX-Request", response.Headers.Vary);
    }

    [Fact]
    public async Task Focus_moves_only_after_an_action_never_on_a_fresh_page()
    {
        // Issue 8 §5.2: data-focus-on-load="" on every load sent a 390 px phone 963 px down, past the heading.
        var (client, id) = await DraftAsync();
        await AddAsync(client, id, "RoomHire", "Zaal", "150");
        await AddAsync(client, id, "Publicity", "Flyers", "45");

        var (_, afterAdd) = await client.GetAsync($"/applications/{id}/budget"); // the redirect after the plain "add"
        var (_, fresh) = await client.GetAsync($"/applications/{id}/budget");
        await client.PostAsync($"/applications/{id}/budget?handler=Remove", [("LineId", (await LineIdAsync("Flyers")).ToString())]);
        var (_, afterRemove) = await client.GetAsync($"/applications/{id}/budget");
        var (_, htmxAdd) = await client.PostAsync($"/applications/{id}/budget?handler=Add",
            [("Cost.Category", "Materials"), ("Cost.Description", "Verf"), ("Cost.Amount", "80")], headers: [Htmx]);

        Assert.DoesNotContain("data-focus-on-load", fresh, StringComparison.Ordinal);
        Assert.Matches("<select id=\"Cost_Category\"[^>]*data-focus-on-load", afterAdd);
        Assert.Contains("data-focus-on-load", afterRemove, StringComparison.Ordinal);
        Assert.Matches("<select id=\"Cost_Category\"[^>]*data-focus-on-load", htmxAdd);
    }

    [Fact]
    public async Task Removing_a_row_with_a_plain_post_says_so_and_offers_to_put_it_back()
    {
        var (client, id) = await DraftAsync();
        await AddAsync(client, id, "Publicity", "Flyers", "45");
        await AddAsync(client, id, "RoomHire", "Zaal", "150");
        var lineId = await LineIdAsync("Flyers");

        await client.GetAsync($"/applications/{id}/budget");
        var (removed, _) = await client.PostAsync($"/applications/{id}/budget?handler=Remove", [("LineId", lineId.ToString())]);
        var (_, html) = await client.GetAsync($"/applications/{id}/budget");

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Contains("De regel is verwijderd.", html, StringComparison.Ordinal);
        Assert.Contains("Zet de regel terug", html, StringComparison.Ordinal);
        await using (var db = fixture.Database.NewContext())
            Assert.Equal(15_000, (await db.Applications.Include(a => a.BudgetLines).SingleAsync()).TotalCosts.Cents);

        var (undone, _) = await client.PostAsync($"/applications/{id}/budget?handler=Undo", [("Undo", Hidden(html, "Undo"))]);

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        await using (var db = fixture.Database.NewContext())
        {
            var lines = (await db.Applications.Include(a => a.BudgetLines).SingleAsync()).BudgetLines;
            Assert.Equal(2, lines.Count);
            Assert.Contains(lines, l => l is { Category: CostCategory.Publicity, Description: "Flyers", AmountCents: 4_500 });
        }
    }

    [Theory]
    [InlineData("Other|9000000000000000000|x")] // issue 7, point 10: €90 quadrillion, twice overflows the total
    [InlineData("Other|10000000001|x")] // one cent above the largest amount anyone can type
    [InlineData("Other|0|x")]
    public async Task Putting_back_a_forged_row_goes_through_the_same_amount_rule_as_adding_it(string forged)
    {
        var (client, id) = await DraftAsync();
        await AddAsync(client, id, "RoomHire", "Zaal", "150");

        await client.GetAsync($"/applications/{id}/budget");
        var (first, html) = await client.PostAsync($"/applications/{id}/budget?handler=Undo", [("Undo", forged)]);
        var (second, _) = await client.PostAsync($"/applications/{id}/budget?handler=Undo", [("Undo", forged)]);
        var pages = new List<HttpStatusCode>();
        foreach (var page in new[] { "budget", "", "check", "attachments" })
            pages.Add((await client.GetAsync($"/applications/{id}/{page}".TrimEnd('/'))).Response.StatusCode);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains(forged.Contains("|0|", StringComparison.Ordinal) ? "Het bedrag moet meer dan € 0 zijn." : "Dit bedrag is te hoog.",
            html, StringComparison.Ordinal);
        Assert.All(pages, status => Assert.Equal(HttpStatusCode.OK, status));
        await using var db = fixture.Database.NewContext();
        Assert.Equal(15_000, (await db.Applications.Include(a => a.BudgetLines).SingleAsync()).TotalCosts.Cents);
    }

    [Fact]
    public async Task With_htmx_removing_a_row_returns_the_fragment_with_the_new_total_and_an_undo_button()
    {
        var (client, id) = await DraftAsync();
        await AddAsync(client, id, "Publicity", "Flyers", "45");
        await AddAsync(client, id, "RoomHire", "Zaal", "150");
        var lineId = await LineIdAsync("Zaal");

        var (response, html) = await client.PostAsync($"/applications/{id}/budget?handler=Remove", [("LineId", lineId.ToString())], headers: [Htmx]);
        var text = WebUtility.HtmlDecode(html);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<div id=\"budget\">", AfterComment(html), StringComparison.Ordinal);
        Assert.Contains("<p data-status-message>De regel is verwijderd.</p>", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Undo\" value=\"RoomHire|15000|Zaal\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Zaal<", text, StringComparison.Ordinal);
        Assert.Contains($"<dd><strong>{Euros(45_00)}</strong></dd>", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.250,50", 125_050)]
    [InlineData("1250.50", 125_050)]
    [InlineData("€ 1.250", 125_000)]
    [InlineData("75", 7_500)]
    [InlineData("١٢٥", 12_500)]
    public async Task Amounts_are_accepted_the_way_people_type_them(string typed, long cents)
    {
        var (client, id) = await DraftAsync();

        var (response, _) = await AddAsync(client, id, "Other", "Iets", typed);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(cents, (await db.Applications.Include(a => a.BudgetLines).SingleAsync()).BudgetLines.Single().AmountCents);
    }

    [Theory]
    [InlineData("1,250", "Dit bedrag kan twee dingen betekenen.")]
    [InlineData("-50", "Schrijf het bedrag zonder minteken.")]
    [InlineData("0", "Het bedrag moet meer dan € 0 zijn.")]
    [InlineData("", "Vul een bedrag in.")]
    [InlineData("veel", "Schrijf alleen cijfers, bijvoorbeeld 150 of 1.250,50.")]
    public async Task Ambiguous_negative_and_empty_amounts_are_refused_plainly_and_the_row_keeps_what_was_typed(string typed, string error)
    {
        var (client, id) = await DraftAsync();

        var (response, html) = await AddAsync(client, id, "FoodAndDrink", "Thee en koekjes", typed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(error, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains($"value=\"{WebUtility.HtmlEncode(typed)}\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Thee en koekjes\"", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"FoodAndDrink\" selected=\"selected\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Cost_Amount\"", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Empty((await db.Applications.Include(a => a.BudgetLines).SingleAsync()).BudgetLines);
    }

    [Fact]
    public async Task A_row_without_a_kind_of_cost_is_refused_and_with_htmx_the_error_comes_back_as_200()
    {
        var (client, id) = await DraftAsync();
        await client.GetAsync($"/applications/{id}/budget");

        var (response, html) = await client.PostAsync($"/applications/{id}/budget?handler=Add",
            [("Cost.Category", ""), ("Cost.Description", "Bus"), ("Cost.Amount", "60")], headers: [Htmx]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kies een soort kosten.", html, StringComparison.Ordinal);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"60\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Own_money_and_other_funding_lower_the_amount_requested_and_a_negative_amount_is_refused_as_typed()
    {
        var (client, id) = await DraftAsync();
        await AddAsync(client, id, "RoomHire", "Zaal", "900");

        var (refused, refusedHtml) = await FundingAsync(client, id, "-20", "");
        var (saved, _) = await FundingAsync(client, id, "100", "250,50");
        var (_, html) = await client.GetAsync($"/applications/{id}/budget");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Schrijf het bedrag zonder minteken.", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"-20\"", refusedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains($"<dd><strong>{Euros(549_50)}</strong></dd>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("value=\"250,50\"", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var application = await db.Applications.Include(a => a.BudgetLines).SingleAsync();
        Assert.Equal(10_000, application.OwnContributionCents);
        Assert.Equal(25_050, application.OtherFundingCents);
        Assert.Equal(54_950, application.Requested.Cents);
    }

    [Fact]
    public async Task A_changed_funding_field_autosaves_and_returns_only_the_summary_with_the_new_amount_requested()
    {
        var (client, id) = await DraftAsync();
        await AddAsync(client, id, "RoomHire", "Zaal", "900");
        var (_, page) = await client.GetAsync($"/applications/{id}/budget");

        var (response, html) = await client.PostAsync($"/applications/{id}/budget?handler=Funding",
            [("Funding.OwnContribution", "300"), ("Funding.OtherFunding", ""), ("Version", Hidden(page, "Version")),
             ("OriginalFunding", Hidden(page, "OriginalFunding"))],
            headers: [Htmx, ("HX-Target", "budget-summary")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<div id=\"budget-summary\">", AfterComment(html), StringComparison.Ordinal);
        Assert.DoesNotContain("Funding.OwnContribution", html, StringComparison.Ordinal);
        Assert.Contains($"<dd><strong>{Euros(600_00)}</strong></dd>", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(30_000, (await db.Applications.SingleAsync()).OwnContributionCents);
    }

    [Fact]
    public async Task Asking_more_than_the_maximum_is_explained_with_the_limits_and_what_to_do()
    {
        var (client, id) = await DraftAsync();
        await AddAsync(client, id, "RoomHire", "Zaal en geluid", "3000");

        var (_, html) = await client.GetAsync($"/applications/{id}/budget");

        Assert.Contains($"Voor deze regeling kunt u {Euros(100_00)} tot {Euros(2_500_00)} vragen. U vraagt {Euros(3_000_00)}. " +
                        "U vraagt meer dan deze regeling geeft. Maak uw begroting kleiner of vraag het verschil ergens anders.",
            WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("notice notice--warning", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Asking_less_than_the_minimum_or_an_amount_within_the_limits_is_explained_too()
    {
        var (client, id) = await DraftAsync();
        await AddAsync(client, id, "Materials", "Stiften", "60");
        var (_, below) = await client.GetAsync($"/applications/{id}/budget");
        await AddAsync(client, id, "RoomHire", "Zaal", "600");
        var (_, within) = await client.GetAsync($"/applications/{id}/budget");

        Assert.Contains($"U vraagt {Euros(60_00)}. U vraagt minder dan deze regeling geeft.", WebUtility.HtmlDecode(below), StringComparison.Ordinal);
        Assert.Contains($"U vraagt {Euros(660_00)}. Dat past.", WebUtility.HtmlDecode(within), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_tab_changing_the_funding_is_not_overwritten_silently()
    {
        var (tabA, id) = await DraftAsync();
        using var tabB = new FormClient(fixture.Factory);
        await tabB.SignInAsync("amina@example.org", TestAccounts.Password);
        var (_, pageA) = await tabA.GetAsync($"/applications/{id}/budget");
        await FundingAsync(tabB, id, "50", "");

        var (conflict, html) = await tabA.PostAsync($"/applications/{id}/budget?handler=Funding",
            [("Funding.OwnContribution", "80"), ("Funding.OtherFunding", ""), ("Version", Hidden(pageA, "Version")),
             ("OriginalFunding", Hidden(pageA, "OriginalFunding"))]);

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Dit antwoord is ook ergens anders veranderd", html, StringComparison.Ordinal);
        Assert.Contains($"Eigen geld: {Euros(50_00)}", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains($"Eigen geld: {Euros(80_00)}", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        await using (var db = fixture.Database.NewContext())
            Assert.Equal(5_000, (await db.Applications.SingleAsync()).OwnContributionCents);

        var (mine, _) = await tabA.PostAsync($"/applications/{id}/budget?handler=Funding",
            [("Funding.OwnContribution", "80"), ("Funding.OtherFunding", ""), ("Version", Hidden(pageA, "Version")),
             ("OriginalFunding", Hidden(pageA, "OriginalFunding")), ("Resolve", "mine"), ("ConflictVersion", Hidden(html, "ConflictVersion"))]);

        Assert.Equal(HttpStatusCode.Redirect, mine.StatusCode);
        await using (var db = fixture.Database.NewContext())
            Assert.Equal(8_000, (await db.Applications.SingleAsync()).OwnContributionCents);
    }

    [Fact]
    public async Task Posting_fields_the_budget_form_does_not_offer_changes_nothing_else()
    {
        var (client, id) = await DraftAsync();
        await client.GetAsync($"/applications/{id}/budget");

        await client.PostAsync($"/applications/{id}/budget?handler=Add",
            [("Cost.Category", "Other"), ("Cost.Description", "Bus"), ("Cost.Amount", "60"), ("RequestedCents", "999999"),
             ("Status", "Granted"), ("Reference", "NIJ-2026-12345"), ("OtherFundingCents", "1"), ("Cost.AmountCents", "1"),
             ("ApplicationId", Guid.NewGuid().ToString())]);

        await using var db = fixture.Database.NewContext();
        var application = await db.Applications.Include(a => a.BudgetLines).SingleAsync();
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Null(application.Reference);
        Assert.Equal(0, application.OtherFundingCents);
        Assert.Equal(6_000, application.BudgetLines.Single().AmountCents);
        Assert.Equal(6_000, application.Requested.Cents);
    }

    [Fact]
    public async Task Another_organisations_budget_is_not_found_and_cannot_be_changed()
    {
        var theirsUser = await TestAccounts.CreateAsync(fixture.Factory, "other@example.org", Roles.Applicant);
        var theirs = await TestApplications.OrganisationAsync(fixture.Database, theirsUser.Id, "Jongeren Dukenburg");
        var draft = await TestApplications.DraftAsync(fixture.Database, theirs);
        var (client, _) = await DraftAsync();
        await client.GetAsync("/applications/start?scheme=samen-doen");

        var (get, _) = await client.GetAsync($"/applications/{draft.Id}/budget");
        var (add, _) = await client.PostAsync($"/applications/{draft.Id}/budget?handler=Add",
            [("Cost.Category", "Other"), ("Cost.Description", "Gekaapt"), ("Cost.Amount", "10")]);
        var (funding, _) = await client.PostAsync($"/applications/{draft.Id}/budget?handler=Funding",
            [("Funding.OwnContribution", "500")], headers: [Htmx]);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, add.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, funding.StatusCode);
        await using var db = fixture.Database.NewContext();
        var unchanged = await db.Applications.Include(a => a.BudgetLines).SingleAsync(a => a.Id == draft.Id);
        Assert.Single(unchanged.BudgetLines);
        Assert.Equal(0, unchanged.OwnContributionCents);
    }

    [Fact]
    public async Task A_sent_applications_budget_is_read_only_with_a_link_to_its_status()
    {
        var user = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        var organisation = await TestApplications.OrganisationAsync(fixture.Database, user.Id);
        var sent = await TestApplications.SubmittedAsync(fixture.Database, organisation);
        using var client = new FormClient(fixture.Factory);
        await client.SignInAsync("amina@example.org", TestAccounts.Password);

        var (_, html) = await client.GetAsync($"/applications/{sent.Id}/budget");
        var (post, postHtml) = await client.PostAsync($"/applications/{sent.Id}/budget?handler=Add",
            [("Cost.Category", "Other"), ("Cost.Description", "Later"), ("Cost.Amount", "10")]);

        Assert.Contains("U hebt deze aanvraag al verstuurd.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{sent.Id}/status\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"budget-add\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("U hebt deze aanvraag al verstuurd.", postHtml, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Single((await db.Applications.Include(a => a.BudgetLines).SingleAsync()).BudgetLines);
    }

    // ---- Helpers ----

    private async Task<(FormClient Client, Guid ApplicationId)> DraftAsync()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation, complete: false);
        return (client, draft.Id);
    }

    private static async Task<(HttpResponseMessage, string)> AddAsync(FormClient client, Guid id, string category, string description, string amount)
    {
        await client.GetAsync($"/applications/{id}/budget");
        return await client.PostAsync($"/applications/{id}/budget?handler=Add",
            [("Cost.Category", category), ("Cost.Description", description), ("Cost.Amount", amount)]);
    }

    private static async Task<(HttpResponseMessage, string)> FundingAsync(FormClient client, Guid id, string own, string other)
    {
        var (_, page) = await client.GetAsync($"/applications/{id}/budget");
        return await client.PostAsync($"/applications/{id}/budget?handler=Funding",
            [("Funding.OwnContribution", own), ("Funding.OtherFunding", other), ("Version", Hidden(page, "Version")),
             ("OriginalFunding", Hidden(page, "OriginalFunding"))]);
    }

    private async Task<Guid> LineIdAsync(string description)
    {
        await using var db = fixture.Database.NewContext();
        return (await db.Applications.Include(a => a.BudgetLines).SingleAsync()).BudgetLines.Single(l => l.Description == description).Id;
    }

    private static string Euros(long cents) => new Money(cents).Format();
}
