using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Terms;
using Portal.Infrastructure.Web;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// Issue 9: a signed-in page costs its database round trips, so each applicant page has a budget — at most two, the
/// access check included (the scheme and the applying organisation come in the same query). Counted by
/// <see cref="RoundTrips"/> as under load: the session check is remembered for a few seconds and its "last seen" is
/// written once a minute, so a page is opened once to warm up and the lesser of two counts after that is its cost.
/// No page's query may number the rows of a table (see <see cref="RoundTrips.WindowHeader"/>).
/// </summary>
[Collection(Db.Applications)]
public sealed class RoundTripTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const int PageBudget = 2;

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_applicant_page_loads_in_at_most_two_round_trips()
    {
        var (client, pages) = await ApplicantPagesAsync();

        var over = new List<string>();
        var numbering = new List<string>();
        foreach (var page in pages)
        {
            await client.GetAsync(page);
            var (response, _) = await client.GetAsync(page);
            var (again, _) = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var count = Math.Min(Count(response), Count(again));
            if (count > PageBudget) over.Add($"{page}: {count}");
            if (Count(again, RoundTrips.WindowHeader) > 0) numbering.Add(page);
        }

        Assert.True(over.Count == 0, $"Over the budget of {PageBudget} round trips: {string.Join(", ", over)}");
        Assert.True(numbering.Count == 0, $"A query numbers the rows of a table (ROW_NUMBER() OVER): {string.Join(", ", numbering)}");
    }

    /// <summary>Issue 9: no page over 50 KB as a browser gets it (Brotli); the CSS and scripts are counted once, cached.</summary>
    [Fact]
    public async Task Every_applicant_page_is_at_most_50_KB_compressed_and_its_files_are_cached_for_a_year()
    {
        var (client, pages) = await ApplicantPagesAsync();
        var heavy = new List<string>();
        var checkedFiles = 0;
        foreach (var page in pages)
        {
            var (_, html) = await client.GetAsync(page);
            var (response, _) = await client.GetAsync(page, ("Accept-Encoding", "br"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("br", response.Content.Headers.ContentEncoding.Single());
            var size = (await response.Content.ReadAsByteArrayAsync()).Length;
            if (size > 50 * 1024) heavy.Add($"{page}: {size / 1024} KB");
            foreach (var file in FilesOf(html))
            {
                var (fileResponse, _) = await client.GetAsync(file, ("Accept-Encoding", "br"));
                Assert.Equal(PublicFiles.ImmutableCache, fileResponse.Headers.CacheControl?.ToString().Replace(", ", ","));
                checkedFiles++;
            }
        }
        Assert.True(heavy.Count == 0, $"Over 50 KB compressed: {string.Join(", ", heavy)}");
        Assert.True(checkedFiles >= 3, $"only {checkedFiles} versioned files found in the pages");
    }

    /// <summary>The stylesheet and scripts a page links, with their version (?v=).</summary>
    private static IEnumerable<string> FilesOf(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"(/[^\"]+\\.(?:css|js)\\?v=[^\"]+)\"")
            .Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));

    /// <summary>A signed-in applicant with a draft, a sent-in and a decided application, and every page they can open.</summary>
    private async Task<(FormClient Client, string[] Pages)> ApplicantPagesAsync()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org", "Moedergroep Hatert");
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        var sent = await TestApplications.SubmittedAsync(fixture.Database, organisation);
        var decided = await TestApplications.DecidedAsync(fixture.Database, organisation, reference: "NIJ-2026-00043");
        await using (var db = fixture.Database.NewContext())
        {
            // Its decision letter, sent: the status page shows it, the last day to object and the objection button.
            var scheme = await db.Schemes.SingleAsync(s => s.Id == decided.SchemeId);
            var reviewer = Actor.Reviewer(Guid.NewGuid());
            var decision = Decision.Take(decided, scheme, 1, null, ProposedOutcome.Grant, decided.Requested, [], null, null, "{}", reviewer, DateTimeOffset.UtcNow);
            decision.Sent(DispatchChannel.Post, DateTimeOffset.UtcNow, AtwCalendar.Netherlands, reviewer);
            db.Decisions.Add(decision);
            await db.SaveChangesAsync();
        }
        return (client,
        [
            "/", "/schemes", "/schemes/samen-doen", "/applications", "/account/profile", $"/organisation/{organisation.Id}",
            $"/applications/{draft.Id}", $"/applications/{draft.Id}/answer-language", $"/applications/{draft.Id}/budget",
            $"/applications/{draft.Id}/budget/overview", $"/applications/{draft.Id}/attachments", $"/applications/{draft.Id}/check",
            .. new[] { "title", "description", "for-whom", "participants", "where", "when", "join" }.Select(q => $"/applications/{draft.Id}/activity/{q}"),
            $"/applications/{sent.Id}/status", $"/applications/{decided.Id}/status",
        ]);
    }

    [Fact]
    public async Task An_autosave_reads_in_one_round_trip_and_saves_in_at_most_two_more()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org", "Moedergroep Hatert");
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        var url = $"/applications/{draft.Id}/activity/title";
        await client.GetAsync(url);
        var (_, page) = await client.GetAsync(url);
        (string, string)[] htmx = [("HX-Request", "true")];

        var (unchanged, _) = await client.PostAsync($"{url}?handler=Autosave",
            [("Version", ApplicationTests.Hidden(page, "Version")), ("Original", ApplicationTests.Hidden(page, "Original")), ("Input.Title", ApplicationTests.Hidden(page, "Original"))], headers: htmx);
        var (changed, html) = await client.PostAsync($"{url}?handler=Autosave",
            [("Version", ApplicationTests.Hidden(page, "Version")), ("Original", ApplicationTests.Hidden(page, "Original")), ("Input.Title", "Samen koken, samen eten")], headers: htmx);

        Assert.Contains("Opgeslagen", html, StringComparison.Ordinal);
        Assert.True(Count(unchanged) <= 1, $"unchanged answer: {Count(unchanged)} round trips");
        Assert.True(Count(changed) <= 3, $"changed answer: {Count(changed)} round trips");
    }

    private static int Count(HttpResponseMessage response, string header = RoundTrips.Header) =>
        int.Parse(response.Headers.GetValues(header).Single(), CultureInfo.InvariantCulture);
}
