using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Organisations;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>The organisation profile, used the way a browser without JavaScript uses it: plain forms, one question a page.</summary>
[Collection(Db.Organisations)]
public sealed partial class OrganisationTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_informal_group_paid_through_a_host_organisation_fills_in_its_profile_page_by_page()
    {
        using var client = await SignedInAsync("fatima@example.org");

        var (start, startHtml) = await client.GetAsync("/organisation");
        var (created, _) = await client.FillInAsync("/organisation/new",
            ("Input.Name", "Moedergroep Hatert"), ("Input.Kind", "InformalGroup"));
        var id = IdIn(created);
        var (about, _) = await client.FillInAsync(Location(created), ("Input.HowOrganised", "Tien moeders die samen koken."));
        var (neighbourhood, _) = await client.FillInAsync(Location(about), ("Input.Neighbourhood", "Zuid/Hatert"));
        var (contact, _) = await client.FillInAsync(Location(neighbourhood),
            ("Input.ContactName", "Fatima Yilmaz"), ("Input.ContactPhone", "06 12345678"));
        var (first, _) = await client.FillInAsync(Location(contact), ("Input.FirstApplication", "true"));
        var (payment, _) = await client.FillInAsync(Location(first),
            ("Input.Route", "HostOrganisation"), ("Input.HostName", "Buurthuis De Klif"), ("Input.HostContactName", "Els de Vries"),
            ("Input.HostEmail", "els@deklif.example"), ("Input.HostAgreement", "true"));
        var (_, overview) = await client.GetAsync(Location(payment));

        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Contains("href=\"/organisation/new\"", startHtml, StringComparison.Ordinal);
        Assert.Equal($"/organisation/{id}/about", Location(created));
        Assert.Equal($"/organisation/{id}/neighbourhood", Location(about));
        Assert.Equal($"/organisation/{id}/contact", Location(neighbourhood));
        Assert.Equal($"/organisation/{id}/first-application", Location(contact));
        Assert.Equal($"/organisation/{id}/payment", Location(first)); // no KvK page for an informal group
        Assert.Equal($"/organisation/{id}", Location(payment));
        Assert.Contains("Compleet", overview, StringComparison.Ordinal);
        Assert.Contains("Via Buurthuis De Klif", overview, StringComparison.Ordinal);
        Assert.Contains("Hatert (Zuid)", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("/kvk", overview, StringComparison.Ordinal);

        await using var db = fixture.Database.NewContext();
        var saved = await db.Organisations.Include(o => o.Members).SingleAsync();
        Assert.Equal(OrganisationKind.InformalGroup, saved.Kind);
        Assert.Equal("Zuid/Hatert", saved.Neighbourhood);
        Assert.Equal(PaymentRoute.HostOrganisation, saved.PaymentRoute);
        Assert.True(saved.HostAgreementConfirmed);
        Assert.Null(saved.Iban);
        Assert.Null(saved.KvkNumber);
        Assert.True(saved.FirstApplication);
        Assert.True(saved.IsComplete);
        Assert.Single(saved.Members);
    }

    [Fact]
    public async Task A_wrong_IBAN_shows_the_mod_97_error_and_keeps_everything_typed()
    {
        using var client = await SignedInAsync("fatima@example.org");
        var id = await CreateAsync(client);

        var (response, html) = await client.FillInAsync($"/organisation/{id}/payment",
            ("Input.Route", "OwnAccount"), ("Input.Iban", "NL91 ABNA 0417 1643 01"), ("Input.AccountHolder", "F. Yilmaz"),
            ("Input.HostName", "Buurthuis De Klif"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Dit rekeningnummer klopt niet.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Iban\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"NL91 ABNA 0417 1643 01\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"F. Yilmaz\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Buurthuis De Klif\"", html, StringComparison.Ordinal);
        Assert.Matches("value=\"OwnAccount\"\\s+checked", html);
        await using var db = fixture.Database.NewContext();
        Assert.Null((await db.Organisations.SingleAsync()).PaymentRoute);
    }

    [Fact]
    public async Task A_valid_IBAN_is_saved_without_spaces_and_shown_in_groups_of_four()
    {
        using var client = await SignedInAsync("fatima@example.org");
        var id = await CreateAsync(client);

        await client.FillInAsync($"/organisation/{id}/payment",
            ("Input.Route", "OwnAccount"), ("Input.Iban", "nl91abna0417164300"), ("Input.AccountHolder", "F. Yilmaz"));
        var (_, form) = await client.GetAsync($"/organisation/{id}/payment");
        var (_, overview) = await client.GetAsync($"/organisation/{id}");

        await using var db = fixture.Database.NewContext();
        Assert.Equal("NL91ABNA0417164300", (await db.Organisations.SingleAsync()).Iban);
        Assert.Contains("value=\"NL91 ABNA 0417 1643 00\"", form, StringComparison.Ordinal);
        Assert.Contains("NL91 ABNA 0417 1643 00", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_IBAN_posted_together_with_the_host_route_is_not_saved()
    {
        using var client = await SignedInAsync("fatima@example.org");
        var id = await CreateAsync(client);

        await client.FillInAsync($"/organisation/{id}/payment",
            ("Input.Route", "HostOrganisation"), ("Input.HostName", "Buurthuis De Klif"), ("Input.HostContactName", "Els de Vries"),
            ("Input.HostEmail", "els@deklif.example"), ("Input.HostAgreement", "true"),
            ("Input.Iban", "NL91ABNA0417164300"), ("Input.AccountHolder", "Iemand Anders"));

        await using var db = fixture.Database.NewContext();
        var saved = await db.Organisations.SingleAsync();
        Assert.Equal(PaymentRoute.HostOrganisation, saved.PaymentRoute);
        Assert.Null(saved.Iban);
        Assert.Null(saved.AccountHolder);
    }

    [Fact]
    public async Task The_host_route_without_the_agreement_is_refused_and_keeps_the_host_details()
    {
        using var client = await SignedInAsync("fatima@example.org");
        var id = await CreateAsync(client);

        var (response, html) = await client.FillInAsync($"/organisation/{id}/payment",
            ("Input.Route", "HostOrganisation"), ("Input.HostName", "Buurthuis De Klif"), ("Input.HostContactName", "Els de Vries"),
            ("Input.HostEmail", "els@deklif.example"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#Input_HostAgreement\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"els@deklif.example\"", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Null((await db.Organisations.SingleAsync()).PaymentRoute);
    }

    [Fact]
    public async Task An_informal_group_is_never_asked_for_a_KvK_number_and_a_forged_one_is_not_saved()
    {
        using var client = await SignedInAsync("fatima@example.org");
        var id = await CreateAsync(client);

        var (page, _) = await client.GetAsync($"/organisation/{id}/kvk");
        var (_, overview) = await client.GetAsync($"/organisation/{id}");
        var (forged, _) = await client.PostAsync($"/organisation/{id}/kvk", [("Input.KvkNumber", "12345678")]);

        // An old link to the step leads to the profile (not a 404: the member may change the organisation).
        Assert.Equal($"/organisation/{id}", page.Headers.Location?.OriginalString);
        Assert.DoesNotContain("/kvk", overview, StringComparison.Ordinal);
        Assert.Equal($"/organisation/{id}", forged.Headers.Location?.OriginalString);
        await using var db = fixture.Database.NewContext();
        Assert.Null((await db.Organisations.SingleAsync()).KvkNumber);
    }

    [Fact]
    public async Task A_foundation_is_asked_for_its_KvK_number_and_eight_digits_are_checked()
    {
        using var client = await SignedInAsync("fatima@example.org");
        var id = await CreateAsync(client, kind: "Foundation");

        var (_, overview) = await client.GetAsync($"/organisation/{id}");
        var (wrong, wrongHtml) = await client.FillInAsync($"/organisation/{id}/kvk", ("Input.KvkNumber", "1234567"));
        var (right, _) = await client.FillInAsync($"/organisation/{id}/kvk?returnUrl=/organisation/{id}", ("Input.KvkNumber", "1234 5678"));

        Assert.Contains($"/organisation/{id}/kvk", overview, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Vul 8 cijfers in.", wrongHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"1234567\"", wrongHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("12345678", (await db.Organisations.SingleAsync()).KvkNumber);
    }

    [Fact]
    public async Task Forged_choices_get_a_plain_error_and_change_nothing()
    {
        using var client = await SignedInAsync("fatima@example.org");
        var id = await CreateAsync(client);

        var (kind, kindHtml) = await client.FillInAsync($"/organisation/{id}/name", ("Input.Name", "Nieuwe naam"), ("Input.Kind", "Bank"));
        var (place, placeHtml) = await client.FillInAsync($"/organisation/{id}/neighbourhood", ("Input.Neighbourhood", "Amsterdam/Jordaan"));
        var (route, routeHtml) = await client.FillInAsync($"/organisation/{id}/payment", ("Input.Route", "Cash"), ("Input.Iban", "NL91ABNA0417164300"));

        Assert.Equal(HttpStatusCode.OK, kind.StatusCode);
        Assert.Contains("Kies wat voor groep het is.", kindHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Nieuwe naam\"", kindHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, place.StatusCode);
        Assert.Contains("Deze wijk kennen wij niet.", placeHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, route.StatusCode);
        Assert.Contains("Kies hoe uw groep het geld krijgt.", routeHtml, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var saved = await db.Organisations.SingleAsync();
        Assert.Equal("Moedergroep Hatert", saved.Name);
        Assert.Null(saved.Neighbourhood);
        Assert.Null(saved.PaymentRoute);
        Assert.Null(saved.Iban);
    }

    [Fact]
    public async Task Someone_who_is_not_a_member_gets_not_found_for_every_page_of_the_organisation()
    {
        using var owner = await SignedInAsync("fatima@example.org");
        var id = await CreateAsync(owner);
        using var stranger = await SignedInAsync("iemand@example.org");
        await CreateAsync(stranger, "Buurtpreventie Lent");

        var pages = new[] { "", "/name", "/about", "/neighbourhood", "/contact", "/first-application", "/kvk", "/payment", "/invite" };
        var answers = new List<(string, HttpStatusCode, HttpStatusCode)>();
        foreach (var page in pages)
        {
            var (get, _) = await stranger.GetAsync($"/organisation/{id}{page}");
            // The summary has no form of its own; every other page is posted to as well.
            var (post, _) = page == "" ? (get, "") : await stranger.PostAsync($"/organisation/{id}{page}",
                [("Input.Name", "Overgenomen"), ("Input.Kind", "Other"), ("Input.Email", "indringer@example.org")]);
            answers.Add((page, get.StatusCode, post.StatusCode));
        }
        // The id of someone else's organisation in the "new" form does not reveal or change it either.
        var (newForm, _) = await stranger.FillInAsync("/organisation/new", ("NewId", id.ToString()), ("Input.Name", "X"), ("Input.Kind", "Other"));

        Assert.All(answers, a => Assert.Equal((a.Item1, HttpStatusCode.NotFound, HttpStatusCode.NotFound), a));
        Assert.Equal(HttpStatusCode.NotFound, newForm.StatusCode);
        await using var db = fixture.Database.NewContext();
        var organisation = await db.Organisations.Include(o => o.Members).SingleAsync(o => o.Id == id);
        Assert.Equal("Moedergroep Hatert", organisation.Name);
        Assert.Single(organisation.Members);
        Assert.Empty(await db.OrganisationInvitations.ToListAsync());
    }

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        using var client = new FormClient(fixture.Factory);

        var (response, _) = await client.GetAsync("/organisation");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_the_new_organisation_form_twice_creates_one_organisation()
    {
        using var client = await SignedInAsync("fatima@example.org");
        var (_, form) = await client.GetAsync("/organisation/new");
        var fields = FormClient.HiddenFields(form).Concat([("Input.Name", "Moedergroep Hatert"), ("Input.Kind", "InformalGroup")]).ToArray();

        var (first, _) = await client.PostAsync("/organisation/new", fields);
        var (second, _) = await client.PostAsync("/organisation/new", fields);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(Location(first), Location(second));
        await using var db = fixture.Database.NewContext();
        Assert.Equal(1, await db.Organisations.CountAsync());
    }

    [Fact]
    public async Task Changing_an_answer_from_the_summary_leads_through_the_open_questions_back_to_it_and_ignores_a_foreign_return_address()
    {
        using var client = await SignedInAsync("fatima@example.org");
        var id = await CreateAsync(client);
        await client.FillInAsync($"/organisation/{id}/payment",
            ("Input.Route", "OwnAccount"), ("Input.Iban", "NL91ABNA0417164300"), ("Input.AccountHolder", "F. Yilmaz"));
        var (_, overview) = await client.GetAsync($"/organisation/{id}");
        var change = WebUtility.HtmlDecode(ChangeLinkPattern().Matches(overview).Select(m => m.Groups["href"].Value)
            .Single(h => h.Contains("/neighbourhood", StringComparison.Ordinal)));

        var (fromSummary, _) = await client.FillInAsync(change, ("Input.Neighbourhood", "Lindenholt/'t Broek"));
        var (contact, _) = await client.FillInAsync(Location(fromSummary), ("Input.ContactName", "Fatima"));
        var (first, _) = await client.FillInAsync(Location(contact), ("Input.FirstApplication", "false"));
        var (foreign, _) = await client.FillInAsync($"/organisation/{id}/neighbourhood?returnUrl=https://evil.example/",
            ("Input.Neighbourhood", "Lindenholt"));

        Assert.Equal($"/organisation/{id}/neighbourhood?returnUrl=%2Forganisation%2F{id}", change);
        // The questions not answered yet come first, then back to the summary.
        Assert.Equal($"/organisation/{id}/contact?returnUrl=%2Forganisation%2F{id}", Location(fromSummary));
        Assert.Equal($"/organisation/{id}/first-application?returnUrl=%2Forganisation%2F{id}", Location(contact));
        Assert.Equal($"/organisation/{id}", Location(first)); // payment was answered already
        Assert.Equal($"/organisation/{id}", Location(foreign)); // everything after the neighbourhood is answered now
    }

    [Fact]
    public async Task A_second_save_of_an_older_form_shows_a_plain_message_and_keeps_what_was_typed()
    {
        using var fatima = await SignedInAsync("fatima@example.org");
        var id = await CreateAsync(fatima);
        var (_, olderForm) = await fatima.GetAsync($"/organisation/{id}/about");
        var olderFields = FormClient.HiddenFields(olderForm);
        await fatima.FillInAsync($"/organisation/{id}/about", ("Input.HowOrganised", "Wij koken elke week samen."));

        var (conflict, html) = await fatima.PostAsync($"/organisation/{id}/about",
            [.. olderFields, ("Input.HowOrganised", "Wij zijn tien moeders.")]);
        var (again, _) = await fatima.PostAsync($"/organisation/{id}/about",
            [.. FormClient.HiddenFields(html), ("Input.HowOrganised", "Wij zijn tien moeders.")]);

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Iemand anders heeft dit tegelijk veranderd. Kijk het na en sla opnieuw op.", html, StringComparison.Ordinal);
        Assert.Contains("Wij koken elke week samen.", html, StringComparison.Ordinal); // what is saved now
        Assert.Contains(">Wij zijn tien moeders.</textarea>", html, StringComparison.Ordinal); // what was typed
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("Wij zijn tien moeders.", (await db.Organisations.SingleAsync()).HowOrganised);
    }

    [Fact]
    public async Task Saving_another_page_of_the_profile_meanwhile_is_no_conflict_on_this_page()
    {
        // One conflict rule for every form (Infrastructure/EditConflicts): only a change to this page's answer counts.
        using var fatima = await SignedInAsync("fatima@example.org");
        var id = await CreateAsync(fatima);
        var (_, olderForm) = await fatima.GetAsync($"/organisation/{id}/about");
        var olderFields = FormClient.HiddenFields(olderForm);
        await fatima.FillInAsync($"/organisation/{id}/neighbourhood", ("Input.Neighbourhood", "Zuid/Hatert"));

        var (saved, _) = await fatima.PostAsync($"/organisation/{id}/about", [.. olderFields, ("Input.HowOrganised", "Wij zijn tien moeders.")]);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = fixture.Database.NewContext();
        var organisation = await db.Organisations.SingleAsync();
        Assert.Equal("Wij zijn tien moeders.", organisation.HowOrganised);
        Assert.Equal("Zuid/Hatert", organisation.Neighbourhood);
    }

    [Fact]
    public async Task Inviting_a_co_applicant_puts_an_email_with_a_join_link_in_the_outbox_in_the_inviters_language()
    {
        using var client = await SignedInAsync("fatima@example.org");
        var id = await CreateAsync(client);
        await client.SubmitAsync("/language", ("code", "en"), ("returnUrl", "/"));

        var (response, _) = await client.FillInAsync($"/organisation/{id}/invite", ("Input.Email", "amina@example.org"));
        var (_, confirmation) = await client.GetAsync(response.Headers.Location!.OriginalString);
        var (_, overview) = await client.GetAsync($"/organisation/{id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/organisation/{id}/invite", response.Headers.Location!.OriginalString);
        Assert.DoesNotContain("amina", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("amina@example.org", confirmation, StringComparison.Ordinal);
        Assert.Contains("amina@example.org", overview, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var mail = Assert.Single(await db.EmailMessages.Where(m => m.To == "amina@example.org").ToListAsync());
        Assert.Equal("Invitation to a group on the Subsidieportaal Nijmegen", mail.Subject);
        Assert.Contains("Invited by:\n> fatima@example.org\n", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Name of the group:\n> Moedergroep Hatert\n", mail.TextBody, StringComparison.Ordinal);
        Assert.Matches(@"https?://\S+/organisation/join\?token=[0-9a-f]{64}", mail.TextBody);
        var invitation = await db.OrganisationInvitations.SingleAsync();
        Assert.Equal(id, invitation.OrganisationId);
        Assert.Equal(64, invitation.TokenHash.Length);
        Assert.DoesNotContain(invitation.TokenHash, mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(14), invitation.ExpiresAt - invitation.CreatedAt);
    }

    [Fact]
    public async Task An_invitation_link_lets_one_person_join_once()
    {
        using var fatima = await SignedInAsync("fatima@example.org");
        var id = await CreateAsync(fatima);
        var link = await InviteAsync(fatima, id, "amina@example.org");
        using var amina = await SignedInAsync("amina@example.org");
        using var someoneElse = await SignedInAsync("iemand@example.org");

        var (before, _) = await amina.GetAsync($"/organisation/{id}");
        var (_, landing) = await amina.GetAsync(link);
        var (joined, _) = await amina.FillInAsync(link);
        var (_, after) = await amina.GetAsync($"/organisation/{id}");
        var (_, reused) = await someoneElse.GetAsync(link);
        var (reusedPost, _) = await someoneElse.PostAsync(link, [("Token", TokenIn(link))]);
        var (_, ownersView) = await fatima.GetAsync($"/organisation/{id}");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Contains("Moedergroep Hatert", landing, StringComparison.Ordinal);
        Assert.Equal($"/organisation/{id}", Location(joined));
        Assert.Contains("Gegevens van uw groep", after, StringComparison.Ordinal);
        Assert.Contains("Deze uitnodiging werkt niet meer.", reused, StringComparison.Ordinal);
        Assert.DoesNotContain("Moedergroep Hatert", reused, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, reusedPost.StatusCode);
        Assert.Contains("amina@example.org", ownersView, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var organisation = await db.Organisations.Include(o => o.Members).SingleAsync(o => o.Id == id);
        Assert.Equal(2, organisation.Members.Count);
        var invitation = await db.OrganisationInvitations.SingleAsync();
        Assert.NotNull(invitation.AcceptedAt);
    }

    [Fact]
    public async Task An_expired_invitation_is_refused_plainly()
    {
        using var fatima = await SignedInAsync("fatima@example.org");
        var id = await CreateAsync(fatima);
        var link = await InviteAsync(fatima, id, "amina@example.org");
        await fixture.Database.Database.ExecuteAsync("""UPDATE "OrganisationInvitations" SET "ExpiresAt" = now() - interval '1 second'""");
        using var amina = await SignedInAsync("amina@example.org");

        var (page, html) = await amina.GetAsync(link);
        var (post, _) = await amina.PostAsync(link, [("Token", TokenIn(link))]);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Deze uitnodiging is verlopen.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<button type=\"submit\">Meedoen", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Single((await db.Organisations.Include(o => o.Members).SingleAsync()).Members);
    }

    [Fact]
    public async Task Someone_not_signed_in_follows_the_invitation_through_sign_in_and_comes_back_to_it()
    {
        using var fatima = await SignedInAsync("fatima@example.org");
        var id = await CreateAsync(fatima);
        var link = await InviteAsync(fatima, id, "amina@example.org");
        await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
        using var amina = new FormClient(fixture.Factory);

        var (landing, _) = await amina.GetAsync(link);
        var signIn = landing.Headers.Location!.PathAndQuery;
        var (signedIn, _) = await amina.SubmitAsync(signIn, ("Input.Email", "amina@example.org"), ("Input.Password", TestAccounts.Password));

        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        Assert.StartsWith("/account/sign-in?ReturnUrl=", signIn, StringComparison.Ordinal);
        Assert.Equal(link, signedIn.Headers.Location!.OriginalString);
    }

    // ---- helpers ----

    private async Task<FormClient> SignedInAsync(string email)
    {
        await TestAccounts.CreateAsync(fixture.Factory, email, Roles.Applicant);
        var client = new FormClient(fixture.Factory);
        await client.SignInAsync(email, TestAccounts.Password);
        return client;
    }

    private static async Task<Guid> CreateAsync(FormClient client, string name = "Moedergroep Hatert", string kind = "InformalGroup")
    {
        var (response, html) = await client.FillInAsync("/organisation/new", ("Input.Name", name), ("Input.Kind", kind));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"Creating failed: {(int)response.StatusCode}\n{html}");
        return IdIn(response);
    }

    private async Task<string> InviteAsync(FormClient client, Guid id, string email)
    {
        await client.FillInAsync($"/organisation/{id}/invite", ("Input.Email", email));
        await using var db = fixture.Database.NewContext();
        var mail = await db.EmailMessages.Where(m => m.To == email).OrderByDescending(m => m.CreatedAt).FirstAsync();
        return new Uri(LinkPattern().Match(mail.TextBody).Value).PathAndQuery;
    }

    private static string Location(HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}");

    private static Guid IdIn(HttpResponseMessage response) => Guid.Parse(IdPattern().Match(Location(response)).Groups["id"].Value);

    private static string TokenIn(string link) => link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..];

    [GeneratedRegex("""/organisation/(?<id>[0-9a-f-]{36})""")]
    private static partial Regex IdPattern();

    [GeneratedRegex("""<a href="(?<href>[^"]+)">(?:Wijzig|Invullen)""")]
    private static partial Regex ChangeLinkPattern();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();
}
