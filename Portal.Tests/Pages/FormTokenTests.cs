using System.Text.RegularExpressions;
using Portal.Domain.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// Without JavaScript a form is posted as it is: each POST form must carry its own antiforgery token
/// (htmx sends one as a header, which hides a missing field when JavaScript is on).
/// </summary>
[Collection(Db.ApplicationParts)]
public sealed partial class FormTokenTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_post_form_of_the_applicant_pages_carries_its_own_antiforgery_token()
    {
        var user = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        var organisation = await TestApplications.OrganisationAsync(fixture.Database, user.Id);
        var application = await TestApplications.DraftAsync(fixture.Database, organisation, costEuros: 1_500);
        using var client = new FormClient(fixture.Factory);
        await client.SignInAsync("amina@example.org", TestAccounts.Password);
        string[] pages =
        [
            "/", "/account/profile", "/organisation", $"/organisation/{organisation.Id}/payment", $"/organisation/{organisation.Id}/invite",
            $"/applications/{application.Id}", $"/applications/{application.Id}/activity/title", $"/applications/{application.Id}/budget",
            $"/applications/{application.Id}/attachments", $"/applications/{application.Id}/check",
        ];

        var missing = new List<string>();
        foreach (var page in pages)
        {
            var (_, html) = await client.GetAsync(page);
            var forms = PostForm().Matches(html);
            Assert.True(forms.Count > 0, $"{page} has no POST form");
            // Exactly one: the form tag helper adds a token of its own, so a hand-written one would make two.
            missing.AddRange(forms.Where(f => Regex.Count(f.Value, "name=\"__RequestVerificationToken\"") != 1)
                .Select(f => $"{page}: {f.Value[..Math.Min(120, f.Value.Length)]}"));
        }

        Assert.True(missing.Count == 0, "POST forms without exactly one token:\n" + string.Join("\n", missing));
    }

    [GeneratedRegex("<form[^>]*method=\"post\"[^>]*>.*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex PostForm();
}
