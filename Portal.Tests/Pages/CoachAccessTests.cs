using System.Net;
using Portal.Domain.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// Until an applicant grants a coach access (coaching issue), a coach sees none of their drafts: every application
/// and organisation page answers "not found", exactly as for any other outsider.
/// </summary>
[Collection(Db.ApplicationParts)]
public sealed class CoachAccessTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_coach_without_consent_gets_not_found_for_an_applicants_application_and_organisation()
    {
        var applicant = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        var organisation = await TestApplications.OrganisationAsync(fixture.Database, applicant.Id);
        var application = await TestApplications.DraftAsync(fixture.Database, organisation);
        var key = Totp.NewKey();
        await TestAccounts.CreateAsync(fixture.Factory, "coach@example.org", Roles.Coach, authenticatorKey: key);
        using var coach = new FormClient(fixture.Factory);
        await coach.SignInWithCodeAsync("coach@example.org", TestAccounts.Password, key);

        foreach (var url in new[]
                 {
                     $"/applications/{application.Id}", $"/applications/{application.Id}/activity/title", $"/applications/{application.Id}/budget",
                     $"/applications/{application.Id}/check", $"/applications/{application.Id}/status", $"/organisation/{organisation.Id}",
                 })
        {
            var (response, _) = await coach.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} gave {(int)response.StatusCode}");
        }
        var (staff, _) = await coach.GetAsync("/staff");
        Assert.Equal(HttpStatusCode.OK, staff.StatusCode);
    }
}
