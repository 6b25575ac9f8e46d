using System.Net;
using Portal.Domain.Accounts;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// Until an applicant grants a coach access (coaching issue), a coach sees none of their drafts: every application
/// and organisation page answers "not found", exactly as for any other outsider.
/// </summary>
[Collection("db")]
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
        await TestAccounts.CreateAsync(fixture.Factory, "coach@example.org", Roles.Coach, authenticatorKey: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        using var coach = new FormClient(fixture.Factory);
        await coach.SubmitAsync("/account/sign-in", ("Input.Email", "coach@example.org"), ("Input.Password", TestAccounts.Password));
        var (codeStep, _) = await coach.SubmitAsync("/account/two-factor",
            ("Input.Code", Totp("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")));
        Assert.Equal(HttpStatusCode.Redirect, codeStep.StatusCode);

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

    /// <summary>RFC 6238 code (HMAC-SHA1, 30 s, 6 digits) for a base32 key, as an authenticator app computes it.</summary>
    private static string Totp(string base32)
    {
        var bits = string.Concat(base32.Select(c => Convert.ToString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = new System.Security.Cryptography.HMACSHA1(key).ComputeHash(counter);
        var offset = hash[^1] & 0x0f;
        var code = ((hash[offset] & 0x7f) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
    }
}
