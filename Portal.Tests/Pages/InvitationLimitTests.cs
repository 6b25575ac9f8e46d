using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Organisations;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// Issue 7, point 8: invitations must not relay phishing. An organisation named "Gemeente Nijmegen - URGENT … bel 0900…"
/// went out in subject and body to arbitrary addresses, 10 a day per organisation with organisations unlimited.
/// </summary>
[Collection(Db.Organisations)]
public sealed class InvitationLimitTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private const string Phishing = "Gemeente Nijmegen - URGENT uw subsidie stopt, bel 0900-1234567";

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task One_person_sends_at_most_ten_invitations_a_day_whatever_the_number_of_their_organisations()
    {
        var (client, first) = await fixture.SignedInApplicantAsync("fatima@example.org");
        using var signedIn = client;
        var inviter = first.Members[0].UserId;
        var second = await TestApplications.OrganisationAsync(fixture.Database, inviter, "Tweede groep");
        var third = await TestApplications.OrganisationAsync(fixture.Database, inviter, "Derde groep");

        for (var i = 0; i < 6; i++) await InviteAsync(client, first.Id, $"a{i}@example.org");
        for (var i = 0; i < 4; i++) await InviteAsync(client, second.Id, $"b{i}@example.org");
        var (refused, html) = await InviteAsync(client, third.Id, "c@example.org");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("U heeft vandaag al 10 uitnodigingen verstuurd. Probeer het morgen opnieuw.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"c@example.org\"", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(10, await db.OrganisationInvitations.CountAsync());
        Assert.False(await db.EmailMessages.AnyAsync(m => m.To == "c@example.org"));
    }

    [Fact]
    public async Task One_address_gets_at_most_three_invitations_a_day_from_all_organisations_together()
    {
        var senders = new List<(FormClient Client, Organisation Organisation)>();
        for (var i = 0; i < 4; i++) senders.Add(await fixture.SignedInApplicantAsync($"lid{i}@example.org", $"Groep {i}"));

        var answers = new List<(HttpResponseMessage Response, string Html)>();
        foreach (var (address, (client, organisation)) in new[] { "amina@example.org", "Amina@Example.org", "AMINA@example.org", "amina@EXAMPLE.ORG" }.Zip(senders))
            answers.Add(await InviteAsync(client, organisation.Id, address));
        foreach (var (client, _) in senders) client.Dispose();

        Assert.All(answers.Take(3), a => Assert.Equal(HttpStatusCode.Redirect, a.Response.StatusCode));
        Assert.Equal(HttpStatusCode.OK, answers[3].Response.StatusCode);
        Assert.Contains("Naar dit e-mailadres zijn vandaag al genoeg uitnodigingen gestuurd. Probeer het morgen opnieuw.", answers[3].Html,
            StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(3, await db.OrganisationInvitations.CountAsync());
    }

    [Fact]
    public async Task An_invitation_records_who_sent_it()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("fatima@example.org");
        using var signedIn = client;

        await InviteAsync(client, organisation.Id, "amina@example.org");

        var invitedBy = await fixture.Database.Database.ScalarAsync<Guid>("""SELECT "InvitedBy" FROM "OrganisationInvitations" """);
        Assert.Equal(organisation.Members[0].UserId, invitedBy);
    }

    [Fact]
    public async Task The_subject_has_no_user_written_text_and_the_body_quotes_it_as_not_written_by_the_municipality()
    {
        var user = await TestAccounts.CreateAsync(fixture.Factory, "fatima@example.org", Roles.Applicant);
        var organisation = await TestApplications.OrganisationAsync(fixture.Database, user.Id, Phishing);
        using var client = new FormClient(fixture.Factory);
        await client.SignInAsync("fatima@example.org", TestAccounts.Password);

        var (response, _) = await InviteAsync(client, organisation.Id, "slachtoffer@example.org");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = fixture.Database.NewContext();
        var mail = await db.EmailMessages.SingleAsync(m => m.To == "slachtoffer@example.org");
        Assert.Equal("Uitnodiging voor een groep op het Subsidieportaal Nijmegen", mail.Subject);
        Assert.DoesNotContain("0900", mail.Subject, StringComparison.Ordinal);
        var lines = mail.TextBody.Split('\n');
        // Mail clients show "> " lines as a quotation: whatever the name says, it stands apart from our own text.
        Assert.Contains("> " + Phishing, lines);
        Assert.Contains("> fatima@example.org", lines);
        Assert.Single(lines, l => l.Contains("0900", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("fatima@example.org", StringComparison.Ordinal));
        Assert.Contains("De gemeente heeft dit niet geschreven.", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_address_with_a_tab_or_space_is_refused_plainly_instead_of_failing_silently_later()
    {
        var (client, organisation) = await fixture.SignedInApplicantAsync("fatima@example.org");
        using var signedIn = client;

        var (response, html) = await InviteAsync(client, organisation.Id, "amina@example.org\tBcc");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vul een goed e-mailadres in, bijvoorbeeld naam@voorbeeld.nl.", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.False(await db.OrganisationInvitations.AnyAsync());
        Assert.False(await db.EmailMessages.AnyAsync());
    }

    private static async Task<(HttpResponseMessage Response, string Html)> InviteAsync(FormClient client, Guid organisationId, string email) =>
        await client.SubmitAsync($"/organisation/{organisationId}/invite", ("Input.Email", email));
}
