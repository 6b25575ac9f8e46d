using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Domain.Organisations;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

[Collection(Db.Applications)]
public sealed class SubmissionTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string Email = "amina@example.org";

    private static readonly (string, string)[] AllDeclarations =
        [("Input.TrueAndComplete", "true"), ("Input.WillReport", "true"), ("Input.MayBeChecked", "true"), ("Input.DecisionsByEmail", "true")];

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_check_page_shows_every_answer_with_a_change_link_that_returns_here()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation, costEuros: 850);

        var (response, html) = await client.GetAsync($"/applications/{application.Id}/check");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Moedergroep Hatert", html, StringComparison.Ordinal);
        Assert.Contains("Stichting Buurtwerk Zuid", html, StringComparison.Ordinal);
        Assert.Contains("Kookavond voor moeders", html, StringComparison.Ordinal);
        Assert.Contains("Hatert (Zuid)", html, StringComparison.Ordinal);
        Assert.Contains("\u2066€\u00A0850\u2069", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        foreach (var question in new[] { "title", "description", "for-whom", "participants", "where", "when", "join" })
            Assert.Contains($"href=\"/applications/{application.Id}/activity/{question}?returnUrl=/applications/{application.Id}/check\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{application.Id}/budget?returnUrl=/applications/{application.Id}/check\"", html, StringComparison.Ordinal);
        Assert.Contains("Verstuur mijn aanvraag", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_sections_block_submitting_and_link_to_where_they_are_answered()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation, complete: false);

        var (_, page) = await client.GetAsync($"/applications/{application.Id}/check");
        var (response, _) = await client.PostAsync($"/applications/{application.Id}/check", AllDeclarations);

        Assert.Contains("Nog niet klaar", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{application.Id}/activity/description?returnUrl=", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{application.Id}/budget?returnUrl=", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Verstuur mijn aanvraag", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await AssertStillDraftAsync(application.Id);
    }

    [Fact]
    public async Task Submitting_without_the_declaration_is_refused_plainly()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation);
        await client.GetAsync($"/applications/{application.Id}/check");

        var (response, html) = await client.PostAsync($"/applications/{application.Id}/check",
            [("Input.TrueAndComplete", "true"), ("Input.WillReport", "true")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vink alle drie de zinnen aan.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_MayBeChecked\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"Input_TrueAndComplete\"[^>]*checked", html);
        await AssertStillDraftAsync(application.Id);
    }

    [Fact]
    public async Task Submitting_gives_a_reference_and_one_confirmation_email_in_the_applicants_language()
    {
        var (client, organisation) = await SignedInMemberAsync(language: "ar");
        var application = await TestApplications.DraftAsync(fixture.Database, organisation);
        await client.GetAsync($"/applications/{application.Id}/check");

        var (response, _) = await client.PostAsync($"/applications/{application.Id}/check", AllDeclarations);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/applications/{application.Id}/confirmation", response.Headers.Location!.OriginalString);
        await using var db = fixture.Database.NewContext();
        var submitted = await db.Applications.SingleAsync();
        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
        Assert.Matches($"^NIJ-{DateTime.UtcNow.Year}-\\d{{5}}$", submitted.Reference);
        var email = Assert.Single(await db.EmailMessages.ToListAsync());
        Assert.Equal(Email, email.To);
        Assert.Equal($"استلمنا طلبكم: {submitted.Reference}", email.Subject);
        Assert.Contains($"/applications/{application.Id}/status", email.TextBody, StringComparison.Ordinal);
        var (_, confirmation) = await client.GetAsync(response.Headers.Location.OriginalString);
        Assert.Contains(submitted.Reference!, confirmation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_twice_makes_one_submission_and_one_email()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation);
        await client.GetAsync($"/applications/{application.Id}/check");

        var (first, _) = await client.PostAsync($"/applications/{application.Id}/check", AllDeclarations);
        var (second, _) = await client.PostAsync($"/applications/{application.Id}/check", AllDeclarations);

        Assert.Equal(first.Headers.Location, second.Headers.Location);
        await AssertSubmittedOnceAsync();
    }

    [Fact]
    public async Task A_double_click_with_two_posts_at_the_same_moment_makes_one_submission_and_one_email()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation);
        await client.GetAsync($"/applications/{application.Id}/check");

        var posts = await Task.WhenAll(Enumerable.Range(0, 4)
            .Select(_ => client.PostAsync($"/applications/{application.Id}/check", AllDeclarations)));

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Redirect, p.Response.StatusCode));
        await AssertSubmittedOnceAsync();
    }

    [Fact]
    public async Task Ten_applications_submitted_at_the_same_moment_get_ten_different_references()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var applications = new List<Application>();
        for (var i = 0; i < 10; i++) applications.Add(await TestApplications.DraftAsync(fixture.Database, organisation));
        await client.GetAsync($"/applications/{applications[0].Id}/check");

        var posts = await Task.WhenAll(applications.Select(a => client.PostAsync($"/applications/{a.Id}/check", AllDeclarations)));

        Assert.All(posts, p => Assert.Equal(HttpStatusCode.Redirect, p.Response.StatusCode));
        await using var db = fixture.Database.NewContext();
        var references = await db.Applications.Select(a => a.Reference).ToListAsync();
        Assert.Equal(10, references.Distinct().Count());
        Assert.All(references, r => Assert.True(ReferenceNumber.IsValid(r), r));
        Assert.Equal(10, await db.EmailMessages.CountAsync());
    }

    [Fact]
    public async Task Forged_status_and_reference_fields_change_nothing()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var incomplete = await TestApplications.DraftAsync(fixture.Database, organisation, complete: false);
        var complete = await TestApplications.DraftAsync(fixture.Database, organisation);
        await client.GetAsync($"/applications/{complete.Id}/check");
        (string, string)[] forged =
            [("Status", "Granted"), ("Input.Status", "Granted"), ("Reference", "NIJ-1999-99999"), ("Input.Reference", "NIJ-1999-99999"),
             ("Application.Status", "Granted"), ("Input.OwnContributionCents", "0")];

        await client.PostAsync($"/applications/{incomplete.Id}/check", [.. forged, ("Input.TrueAndComplete", "true")]);
        await client.PostAsync($"/applications/{complete.Id}/check", [.. forged, .. AllDeclarations]);

        await using var db = fixture.Database.NewContext();
        var stillDraft = await db.Applications.SingleAsync(a => a.Id == incomplete.Id);
        var submitted = await db.Applications.SingleAsync(a => a.Id == complete.Id);
        Assert.Equal((ApplicationStatus.Draft, (string?)null), (stillDraft.Status, stillDraft.Reference));
        Assert.Equal(ApplicationStatus.Submitted, submitted.Status);
        Assert.NotEqual("NIJ-1999-99999", submitted.Reference);
    }

    [Fact]
    public async Task The_confirmation_page_says_what_happens_next_by_which_date_and_whom_to_call()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation, "NIJ-2026-00042");
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7 * 8);

        var (response, html) = await client.GetAsync($"/applications/{application.Id}/confirmation");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("NIJ-2026-00042", html, StringComparison.Ordinal);
        Assert.Contains("Wat gebeurt er nu?", html, StringComparison.Ordinal);
        // The day itself, isolated as every date is (issue 8, 5.4).
        Assert.Contains($"U hoort uiterlijk op \u2068{due.ToString("d MMMM yyyy", new System.Globalization.CultureInfo("nl"))}\u2069", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Noem dan uw nummer. Zo vinden wij uw aanvraag snel.", html, StringComparison.Ordinal);
        Assert.Contains("Hoe makkelijk was het om aan te vragen?", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_submit_address_forwards_to_the_declaration_on_the_check_page()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation, costEuros: 850);

        var (response, _) = await client.GetAsync($"/applications/{application.Id}/submit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/applications/{application.Id}/check#declaration", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_ease_question_is_saved_once_and_a_second_answer_gives_no_error()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation);
        var url = $"/applications/{application.Id}/confirmation";
        await client.GetAsync(url);

        var (first, _) = await client.PostAsync(url, [("Input.Score", "4"), ("Input.Comment", "De uitleg bij de kosten hielp.")]);
        var (second, _) = await client.PostAsync(url, [("Input.Score", "1")]);
        var (_, html) = await client.GetAsync(second.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.All([first, second], r => Assert.Equal($"/applications/{application.Id}/confirmation?thanks=true", r.Headers.Location!.OriginalString));
        Assert.Contains("Dank u wel voor uw antwoord.", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var feedback = Assert.Single(await db.EaseFeedback.ToListAsync());
        Assert.Equal((4, "De uitleg bij de kosten hielp."), (feedback.Score, feedback.Comment));
    }

    [Fact]
    public async Task The_ease_question_without_a_score_asks_for_one_and_keeps_the_comment()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.SubmittedAsync(fixture.Database, organisation);
        var url = $"/applications/{application.Id}/confirmation";
        await client.GetAsync(url);

        var (response, html) = await client.PostAsync(url, [("Input.Score", "9"), ("Input.Comment", "Te veel vragen")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kies een cijfer van 1 tot en met 5.", html, StringComparison.Ordinal);
        Assert.Contains("Te veel vragen", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.False(await db.EaseFeedback.AnyAsync());
    }

    [Fact]
    public async Task My_applications_lists_the_groups_applications_with_status_and_reference()
    {
        var (client, organisation) = await SignedInMemberAsync();
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation, complete: false);
        var submitted = await TestApplications.SubmittedAsync(fixture.Database, organisation, "NIJ-2026-00007");
        var (_, stranger) = await SignedInMemberAsync("karim@example.org", "Jongeren Dukenburg");
        await TestApplications.DraftAsync(fixture.Database, stranger);

        var (response, html) = await client.GetAsync("/applications");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"href=\"/applications/{draft.Id}\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{submitted.Id}/status\"", html, StringComparison.Ordinal);
        Assert.Contains("NIJ-2026-00007", html, StringComparison.Ordinal);
        Assert.Contains("Nog niet verstuurd", html, StringComparison.Ordinal);
        Assert.Contains("Verstuurd", html, StringComparison.Ordinal);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(html, "class=\"card\""));
    }

    [Fact]
    public async Task My_applications_without_any_points_to_the_schemes()
    {
        var (client, _) = await SignedInMemberAsync();

        var (_, html) = await client.GetAsync("/applications");

        Assert.Contains("U hebt nog geen aanvragen.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/schemes\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/applications\" aria-current=\"page\">Mijn aanvragen</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisations_application_is_not_found_on_check_submit_and_confirmation()
    {
        var (_, organisation) = await SignedInMemberAsync();
        var application = await TestApplications.DraftAsync(fixture.Database, organisation);
        var (stranger, _) = await SignedInMemberAsync("karim@example.org", "Jongeren Dukenburg");

        var (check, _) = await stranger.GetAsync($"/applications/{application.Id}/check");
        var (submit, _) = await stranger.PostAsync($"/applications/{application.Id}/check", AllDeclarations);
        var (confirmation, _) = await stranger.GetAsync($"/applications/{application.Id}/confirmation");

        Assert.Equal(HttpStatusCode.NotFound, check.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, submit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, confirmation.StatusCode);
        await AssertStillDraftAsync(application.Id);
    }

    [Theory]
    [InlineData("/applications")]
    [InlineData("/applications/0b7c4a52-8f7e-4c2e-9a51-3f1d2e4b5c6d/check")]
    [InlineData("/applications/0b7c4a52-8f7e-4c2e-9a51-3f1d2e4b5c6d/status")]
    public async Task Anonymous_visitor_is_sent_to_sign_in(string url)
    {
        using var client = new FormClient(fixture.Factory);

        var (response, _) = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    private Task<(FormClient Client, Organisation Organisation)> SignedInMemberAsync(string email = Email, string group = "Moedergroep Hatert",
        string language = "nl") =>
        fixture.SignedInApplicantAsync(email, group, language);

    private async Task AssertStillDraftAsync(Guid applicationId)
    {
        await using var db = fixture.Database.NewContext();
        var application = await db.Applications.SingleAsync(a => a.Id == applicationId);
        Assert.Equal((ApplicationStatus.Draft, (string?)null), (application.Status, application.Reference));
        Assert.False(await db.EmailMessages.AnyAsync());
    }

    private async Task AssertSubmittedOnceAsync()
    {
        await using var db = fixture.Database.NewContext();
        var application = await db.Applications.Include(a => a.Events).SingleAsync();
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Single(application.Events, e => e.Status == ApplicationStatus.Submitted);
        Assert.Single(await db.EmailMessages.ToListAsync());
    }
}
