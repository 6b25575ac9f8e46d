using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>"In which language do you write your answers?": recorded with the application, shown where answers are.</summary>
[Collection(Db.Applications)]
public sealed class AnswerLanguageTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_question_starts_at_the_recorded_language_and_saving_another_shows_it_on_the_task_list()
    {
        var (client, id) = await ApplicantWithDraftAsync("amina@example.org");
        var url = $"/applications/{id}/answer-language";

        var (_, page) = await client.GetAsync(url);
        var (saved, _) = await client.PostAsync(url, [("Language", "so")]);
        var (_, tasks) = await client.GetAsync($"/applications/{id}");

        Assert.Contains("<h1>In welke taal schrijft u uw antwoorden?</h1>", page, StringComparison.Ordinal);
        Assert.Contains("id=\"Language\" name=\"Language\" value=\"nl\" checked=\"checked\"", page, StringComparison.Ordinal);
        Assert.Contains("<label for=\"Language-ar\" lang=\"ar\" dir=\"rtl\">العربية</label>", page, StringComparison.Ordinal);
        Assert.Equal($"/applications/{id}", saved.Headers.Location!.OriginalString);
        Assert.Contains("Taal van uw antwoorden: <bdi lang=\"so\">Soomaali</bdi>.", tasks, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("so", (await db.Applications.SingleAsync()).AnswerLanguage);
    }

    [Fact]
    public async Task Another_language_is_recorded_as_undetermined_and_named_in_the_page_language_on_check_your_answers()
    {
        var (client, id) = await ApplicantWithDraftAsync("amina@example.org");
        var check = $"/applications/{id}/check";

        var (saved, _) = await client.SubmitAsync($"/applications/{id}/answer-language?returnUrl={Uri.EscapeDataString(check)}", ("Language", "und"));
        var (_, html) = await client.GetAsync(check);

        Assert.Equal(check, saved.Headers.Location!.OriginalString);
        Assert.Contains("<dt>Taal van uw antwoorden</dt>", html, StringComparison.Ordinal);
        Assert.Contains("Een andere taal", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{id}/answer-language?returnUrl=", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("xx")]
    [InlineData("")]
    public async Task A_language_the_form_does_not_offer_is_refused_plainly_and_nothing_changes(string forged)
    {
        var (client, id) = await ApplicantWithDraftAsync("amina@example.org");

        var (response, html) = await client.SubmitAsync($"/applications/{id}/answer-language", ("Language", forged));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Kies een taal uit de lijst.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Language\"", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("nl", (await db.Applications.SingleAsync()).AnswerLanguage);
    }

    [Fact]
    public async Task Someone_of_another_organisation_gets_not_found()
    {
        var (_, id) = await ApplicantWithDraftAsync("amina@example.org");
        var (other, _) = await ApplicantWithDraftAsync("fatima@example.org", "Buurtgroep Lindenholt");

        var (page, _) = await other.GetAsync($"/applications/{id}/answer-language");
        var (post, _) = await other.PostAsync($"/applications/{id}/answer-language", [("Language", "en")]);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("nl", (await db.Applications.SingleAsync(a => a.Id == id)).AnswerLanguage);
    }

    private async Task<(FormClient Client, Guid ApplicationId)> ApplicantWithDraftAsync(string email, string group = "Moedergroep Hatert")
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync(email, group);
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation, complete: false);
        return (client, draft.Id);
    }
}
