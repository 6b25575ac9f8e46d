using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Domain.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// Without JavaScript, an answer saved after the session expired is kept and saved after signing in again
/// (Accounts/KeptForms) — for the same user, in the same browser, only from our own pages.
/// The session expires the way it does for a user: the clock moves past the 30 idle minutes.
/// </summary>
[Collection(Db.ApplicationParts)]
public sealed class KeptFormTests(DatabaseFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly MovableClock clock = new();
    private WebApplicationFactory<Program>? portal;

    public async Task InitializeAsync()
    {
        await fixture.Database.ResetAsync();
        portal = clock.On(fixture.Factory);
    }

    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => portal?.Dispose();

    [Fact]
    public async Task An_answer_saved_after_the_session_expired_is_saved_after_signing_in_again()
    {
        var (client, id) = await ApplicantWithDraftAsync("amina@example.org");
        var question = $"/applications/{id}/activity/description";
        await client.GetAsync(question);
        clock.Ahead = TimeSpan.FromMinutes(31);

        var (expired, _) = await client.PostAsync(question, [("Input.Description", "Wij koken samen 🍲 نطبخ معًا")]);
        var (signInPage, signInHtml) = await client.GetAsync(expired.Headers.Location!.PathAndQuery);
        await using (var db = fixture.Database.NewContext())
        {
            Assert.Null((await db.Applications.SingleAsync()).Description);
            var kept = await db.KeptForms.SingleAsync();
            Assert.DoesNotContain("koken", Encoding.UTF8.GetString(kept.ProtectedFields), StringComparison.Ordinal);
        }
        await client.SignInAsync("amina@example.org", TestAccounts.Password);
        var (replayed, _) = await client.GetAsync(question);
        var (later, laterHtml) = await client.GetAsync(question);

        Assert.Equal($"/account/sign-in?ReturnUrl=%2Fapplications%2F{id}%2Factivity%2Fdescription", expired.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, signInPage.StatusCode);
        Assert.Contains("Wij hebben bewaard wat u typte.", signInHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        Assert.Equal($"/applications/{id}/activity/for-whom", replayed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        Assert.Contains("Wij koken samen 🍲 نطبخ معًا", WebUtility.HtmlDecode(laterHtml), StringComparison.Ordinal);
        await using var after = fixture.Database.NewContext();
        Assert.Equal("Wij koken samen 🍲 نطبخ معًا", (await after.Applications.SingleAsync()).Description);
        Assert.Empty(after.KeptForms);
    }

    [Fact]
    public async Task A_cost_row_added_after_the_session_expired_is_added_after_signing_in_and_sign_in_returns_to_the_page_not_the_handler()
    {
        var (client, id) = await ApplicantWithDraftAsync("amina@example.org");
        var budget = $"/applications/{id}/budget";
        await client.GetAsync(budget);
        clock.Ahead = TimeSpan.FromMinutes(31);

        var (expired, _) = await client.PostAsync(budget + "?handler=Add",
            [("Cost.Category", "RoomHire"), ("Cost.Description", "Zaal buurthuis"), ("Cost.Amount", "1.250,50")]);
        await client.SignInAsync("amina@example.org", TestAccounts.Password);
        var (replayed, _) = await client.GetAsync(budget);

        Assert.Equal($"/account/sign-in?ReturnUrl=%2Fapplications%2F{id}%2Fbudget", expired.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, replayed.StatusCode);
        await using var db = fixture.Database.NewContext();
        var line = await db.Applications.Include(a => a.BudgetLines).SelectMany(a => a.BudgetLines).SingleAsync();
        Assert.Equal(("Zaal buurthuis", 125_050L), (line.Description, line.AmountCents));
    }

    [Fact]
    public async Task A_post_kept_for_a_page_that_takes_no_form_shows_that_page_after_signing_in_again()
    {
        var (client, id) = await ApplicantWithDraftAsync("amina@example.org");
        var status = $"/applications/{id}/status";
        await client.GetAsync(status);
        clock.Ahead = TimeSpan.FromMinutes(31);

        var (expired, _) = await client.PostAsync(status, [("Input.Anything", "x")]);
        await client.SignInAsync("amina@example.org", TestAccounts.Password);
        var (replayed, html) = await client.GetAsync(status);

        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("Kookavond voor moeders", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_answer_that_is_not_valid_comes_back_with_its_error_and_the_typed_text()
    {
        var (client, id) = await ApplicantWithDraftAsync("amina@example.org");
        var question = $"/applications/{id}/activity/participants";
        await client.GetAsync(question);
        clock.Ahead = TimeSpan.FromMinutes(31);

        await client.PostAsync(question, [("Input.Participants", "twintig")]);
        await client.SignInAsync("amina@example.org", TestAccounts.Password);
        var (replayed, html) = await client.GetAsync(question);

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Contains("value=\"twintig\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_else_signing_in_on_the_same_browser_never_gets_the_kept_answer()
    {
        // Fatima is a member of the same group: she may open the question, so only the kept form's owner check stops
        // Amina's answer being posted in Fatima's name (with a stranger it would be a 404 either way).
        var amina = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        var fatima = await TestAccounts.CreateAsync(fixture.Factory, "fatima@example.org", Roles.Applicant);
        var organisation = await TestApplications.OrganisationAsync(fixture.Database, amina.Id, "Moedergroep Hatert", fatima.Id);
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;
        var client = new FormClient(portal!);
        await client.SignInAsync("amina@example.org", TestAccounts.Password);
        var question = $"/applications/{id}/activity/description";
        await client.GetAsync(question);
        clock.Ahead = TimeSpan.FromMinutes(31);

        await client.PostAsync(question, [("Input.Description", "Geheim plan")]);
        await client.SignInAsync("fatima@example.org", TestAccounts.Password);
        var (other, otherHtml) = await client.GetAsync(question);
        await client.SignInAsync("amina@example.org", TestAccounts.Password);
        var (own, _) = await client.GetAsync(question);

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.DoesNotContain("Geheim plan", otherHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Null((await db.Applications.SingleAsync()).Description);
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Origin", "https://elders.example")]
    public async Task A_post_from_another_site_is_not_kept(string header, string value)
    {
        var (client, id) = await ApplicantWithDraftAsync("amina@example.org");
        var question = $"/applications/{id}/activity/description";
        await client.GetAsync(question);
        clock.Ahead = TimeSpan.FromMinutes(31);

        var (response, _) = await client.PostAsync(question, [("Input.Description", "Van elders")], true, (header, value));
        var (signIn, html) = await client.GetAsync(response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Wij hebben bewaard wat u typte.", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Empty(db.KeptForms);
    }

    [Fact]
    public async Task A_post_with_a_query_too_long_to_keep_still_goes_to_sign_in()
    {
        var (client, id) = await ApplicantWithDraftAsync("amina@example.org");
        var question = $"/applications/{id}/activity/description";
        await client.GetAsync(question);
        clock.Ahead = TimeSpan.FromMinutes(31);

        var (response, _) = await client.PostAsync($"{question}?extra={new string('x', 3000)}", [("Input.Description", "Lang adres")]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Empty(db.KeptForms);
    }

    [Fact]
    public async Task A_post_without_the_pages_token_is_not_kept()
    {
        var (client, id) = await ApplicantWithDraftAsync("amina@example.org");
        var question = $"/applications/{id}/activity/description";
        clock.Ahead = TimeSpan.FromMinutes(31);

        await client.PostAsync(question, [("Input.Description", "Zonder formulier")], withToken: false);

        await using var db = fixture.Database.NewContext();
        Assert.Empty(db.KeptForms);
    }

    [Fact]
    public async Task A_form_for_an_application_that_is_not_the_users_is_not_kept()
    {
        var (client, _) = await ApplicantWithDraftAsync("amina@example.org");
        var (_, otherOrganisation) = await fixture.SignedInApplicantAsync("fatima@example.org", "Vrouwengroep Lindenholt", portal: portal);
        var others = await TestApplications.DraftAsync(fixture.Database, otherOrganisation, complete: false);
        await client.GetAsync("/account/profile");
        clock.Ahead = TimeSpan.FromMinutes(31);

        var (invented, _) = await client.PostAsync($"/applications/{Guid.NewGuid()}/activity/description", [("Input.Description", "Verzonnen")]);
        var (someoneElses, _) = await client.PostAsync($"/applications/{others.Id}/activity/description", [("Input.Description", "Van een ander")]);
        var (otherGroup, _) = await client.PostAsync($"/organisation/{otherOrganisation.Id}/name", [("Input.Name", "Overgenomen")]);

        Assert.All([invented, someoneElses, otherGroup], r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await using var db = fixture.Database.NewContext();
        Assert.Empty(db.KeptForms);
    }

    [Fact]
    public async Task A_form_larger_than_any_real_form_is_not_kept()
    {
        var (client, id) = await ApplicantWithDraftAsync("amina@example.org");
        var question = $"/applications/{id}/activity/description";
        await client.GetAsync(question);
        clock.Ahead = TimeSpan.FromMinutes(31);

        var (large, _) = await client.PostAsync(question, [("Input.Description", new string('x', 70_000))]);
        var (longest, _) = await client.PostAsync(question, [("Input.Description", string.Concat(Enumerable.Repeat("نطبخ معًا 🍲", 333)))]);

        Assert.Equal(HttpStatusCode.Redirect, large.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Single(db.KeptForms); // only the longest real answer (4,000 characters of Arabic and emoji)
        Assert.Null(FormClient.SetCookie(large, KeptForms.CookieName));
        Assert.NotNull(FormClient.SetCookie(longest, KeptForms.CookieName));
    }

    [Fact]
    public async Task At_most_three_forms_are_kept_per_user_and_at_most_ten_an_hour()
    {
        var (client, id) = await ApplicantWithDraftAsync("amina@example.org");
        await client.GetAsync($"/applications/{id}/activity/title");
        clock.Ahead = TimeSpan.FromMinutes(31);

        var kept = new List<bool>();
        foreach (var question in new[] { "title", "description", "for-whom", "join", "participants" })
        {
            var (response, _) = await client.PostAsync($"/applications/{id}/activity/{question}", [("Input.Title", "x")]);
            kept.Add(FormClient.SetCookie(response, KeptForms.CookieName) is not null);
        }
        for (var i = 0; i < 6; i++)
        {
            var (response, _) = await client.PostAsync($"/applications/{id}/activity/title", [("Input.Title", $"poging {i}")]);
            kept.Add(FormClient.SetCookie(response, KeptForms.CookieName) is not null);
        }

        Assert.Equal([true, true, true, true, true, true, true, true, true, true, false], kept);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(3, await db.KeptForms.CountAsync());
    }

    private async Task<(FormClient Client, Guid ApplicationId)> ApplicantWithDraftAsync(string email)
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync(email, portal: portal);
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation, complete: false);
        return (client, draft.Id);
    }
}
