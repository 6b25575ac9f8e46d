using System.Net;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>"Change" links on check-your-answers lead to a question and, after saving, back to check-your-answers.</summary>
[Collection(Db.Applications)]
public sealed class ApplicationReturnTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Saving_a_changed_answer_returns_to_check_your_answers()
    {
        var (client, applicationId) = await SignedInWithDraftAsync();
        var check = $"/applications/{applicationId}/check";

        var (form, html) = await client.GetAsync($"/applications/{applicationId}/activity/title?returnUrl={Uri.EscapeDataString(check)}");
        var (saved, _) = await client.PostAsync($"/applications/{applicationId}/activity/title?returnUrl={Uri.EscapeDataString(check)}",
            [.. HiddenFields(html), ("Input.Title", "Kookavond voor moeders"), ("Then", "next")]);

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains($"href=\"{check}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(check, saved.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_foreign_return_address_is_ignored()
    {
        var (client, applicationId) = await SignedInWithDraftAsync();

        var (_, html) = await client.GetAsync($"/applications/{applicationId}/activity/title?returnUrl=https%3A%2F%2Fevil.example%2F");
        var (saved, _) = await client.PostAsync($"/applications/{applicationId}/activity/title?returnUrl=https%3A%2F%2Fevil.example%2F",
            [.. HiddenFields(html), ("Input.Title", "Kookavond"), ("Then", "next")]);

        Assert.DoesNotContain("evil.example", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_budget_opened_from_check_your_answers_leads_back_there_also_after_adding_a_row()
    {
        var (client, applicationId) = await SignedInWithDraftAsync();
        var check = $"/applications/{applicationId}/check";

        await client.GetAsync($"/applications/{applicationId}/budget?returnUrl={Uri.EscapeDataString(check)}");
        var (added, _) = await client.PostAsync($"/applications/{applicationId}/budget?handler=Add",
            [("Cost.Category", "RoomHire"), ("Cost.Description", "Zaal"), ("Cost.Amount", "150")]);
        var (_, after) = await client.GetAsync(added.Headers.Location!.OriginalString);

        Assert.Contains($"class=\"button\" href=\"{check}\"", after, StringComparison.Ordinal);
    }

    private async Task<(FormClient Client, Guid ApplicationId)> SignedInWithDraftAsync()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var application = await TestApplications.DraftAsync(fixture.Database, organisation);
        return (client, application.Id);
    }

    private static (string, string)[] HiddenFields(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<input type=\"hidden\" name=\"(?<name>Version|Original)\" value=\"(?<value>[^\"]*)\"")
            .Select(m => (m.Groups["name"].Value, System.Net.WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .ToArray();
}
