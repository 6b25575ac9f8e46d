using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Domain.Organisations;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

[Collection(Db.Applications)]
public sealed class StatusTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_timeline_shows_the_submission_with_its_date_and_the_steps_still_to_come()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation, "NIJ-2026-00042");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var (response, html) = await client.GetAsync($"/applications/{application.Id}/status");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("NIJ-2026-00042", html, StringComparison.Ordinal);
        Assert.Matches("aria-current=\"step\">\\s*<strong>U hebt de aanvraag verstuurd</strong>", html);
        Assert.Contains($"datetime=\"{today:yyyy-MM-dd}\"", html, StringComparison.Ordinal);
        Assert.Contains("Wij beoordelen uw aanvraag", html, StringComparison.Ordinal);
        // The real day, submission plus the scheme's 8 weeks (issue 8, 5.6), isolated as every date is.
        Assert.Contains($"Besluit: uiterlijk op \u2068{Dutch(today.AddDays(7 * 8))}\u2069", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{application.Id}/messages\">Stuur de gemeente een bericht</a>", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{application.Id}/withdraw\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_before_a_decision_withdraws_and_the_status_page_says_so()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation);
        var (_, page) = await client.GetAsync($"/applications/{application.Id}/withdraw");

        var (response, _) = await client.PostAsync($"/applications/{application.Id}/withdraw", []);
        var (_, status) = await client.GetAsync(response.Headers.Location!.OriginalString);

        Assert.Contains("U krijgt geen geld voor deze aanvraag.", page, StringComparison.Ordinal);
        Assert.Contains("Ja, trek mijn aanvraag in", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/applications/{application.Id}/status?withdrawn=true", response.Headers.Location!.OriginalString);
        Assert.Contains("Uw aanvraag is ingetrokken.", status, StringComparison.Ordinal);
        Assert.Contains("U hebt de aanvraag ingetrokken", status, StringComparison.Ordinal);
        Assert.DoesNotContain("/withdraw\"", status, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(ApplicationStatus.Withdrawn, (await db.Applications.SingleAsync()).Status);
    }

    [Fact]
    public async Task A_decided_application_cannot_be_withdrawn_and_the_page_says_why()
    {
        var (client, organisation) = await SignedInMemberAsync();
        // The reviewer's decision pages come later; the decision is made through the domain as they will make it.
        var application = await TestApplications.DecidedAsync(fixture.Database, organisation);

        var (_, page) = await client.GetAsync($"/applications/{application.Id}/withdraw");
        var (response, html) = await client.PostAsync($"/applications/{application.Id}/withdraw", []);

        Assert.Contains("Er is al een besluit over deze aanvraag.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Ja, trek mijn aanvraag in", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Er is al een besluit over deze aanvraag.", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(ApplicationStatus.Granted, (await db.Applications.SingleAsync()).Status);
    }

    [Fact]
    public async Task Another_organisations_application_is_not_found_and_cannot_be_withdrawn()
    {
        var (_, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation);
        var (stranger, _) = await SignedInMemberAsync("karim@example.org", "Jongeren Dukenburg");

        var (status, _) = await stranger.GetAsync($"/applications/{application.Id}/status");
        var (withdrawPage, _) = await stranger.GetAsync($"/applications/{application.Id}/withdraw");
        var (withdraw, _) = await stranger.PostAsync($"/applications/{application.Id}/withdraw", []);

        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withdrawPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, withdraw.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(ApplicationStatus.Submitted, (await db.Applications.SingleAsync()).Status);
    }

    [Fact]
    public async Task A_draft_shows_that_it_is_not_sent_yet_and_how_to_continue()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation, complete: false);

        var (_, html) = await client.GetAsync($"/applications/{application.Id}/status");

        Assert.Contains("Nog niet verstuurd", html, StringComparison.Ordinal);
        Assert.Contains("U verstuurt de aanvraag", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{application.Id}\"", html, StringComparison.Ordinal);
    }

    private static string Dutch(DateOnly day) => day.ToString("d MMMM yyyy", new System.Globalization.CultureInfo("nl"));

    private Task<(FormClient Client, Organisation Organisation)> SignedInMemberAsync(string email = "amina@example.org",
        string group = "Moedergroep Hatert") =>
        fixture.SignedInApplicantAsync(email, group);
}
