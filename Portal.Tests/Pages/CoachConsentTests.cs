using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Access;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// "Wie helpt mee" (issue 10, point 7): members let a coach in by the address of the coach's account, choose how far,
/// and take it away at any moment; the coach's next request is "not found". Every step and what the coach did is in the
/// audit trail and on the page, in plain words.
/// </summary>
[Collection(Db.ApplicationParts)]
public sealed class CoachConsentTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_member_grants_a_coach_who_then_sees_the_draft_and_the_page_lists_the_coach_and_the_history()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        var (coach, coachId) = await CoachAsync("fatima.coach@example.org");
        var page = $"/applications/{draft.Id}/coaches";

        var (before, _) = await coach.GetAsync($"/applications/{draft.Id}");
        var (granted, _) = await member.SubmitAsync(page, ("Input.Email", "  Fatima.Coach@example.org "), ("Input.Kind", "CoachView"));
        var (after, taskList) = await coach.GetAsync($"/applications/{draft.Id}");
        await coach.GetAsync($"/applications/{draft.Id}/check");
        var (_, html) = await member.GetAsync(page + "?done=granted");

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("Kookavond voor moeders", taskList, StringComparison.Ordinal);
        Assert.Contains("De coach heeft nu toegang tot deze aanvraag.", html, StringComparison.Ordinal);
        Assert.Contains("<bdi>fatima.coach@example.org</bdi></strong> — Meekijken en opmerkingen maken.", html, StringComparison.Ordinal);
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("heeft de aanvraag bekeken", text, StringComparison.Ordinal);
        Assert.Contains("toegang: Meekijken en opmerkingen maken", text, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var grant = await db.CoachGrants.SingleAsync();
        Assert.Equal((coachId, GrantKind.CoachView, organisation.Members[0].UserId), (grant.CoachId, grant.Kind, grant.GrantedBy));
        var rows = await db.AuditEvents.Where(a => a.ObjectId == draft.Id && a.Kind.StartsWith("application.coach")).OrderBy(a => a.Id).ToListAsync();
        // Two pages looked at within the hour: one "viewed" row.
        Assert.Equal(["application.coach-granted", "application.coach-viewed"], rows.Select(r => r.Kind));
        Assert.Equal(("Applicant", $"coach {coachId}; CoachView"), (rows[0].ActorRole, rows[0].Detail));
        Assert.Equal((coachId, "Coach"), (rows[1].UserId!.Value, rows[1].ActorRole));
        // The coach hears it, with the way in.
        var mail = await db.EmailMessages.SingleAsync(m => m.To == "fatima.coach@example.org");
        Assert.Equal("U kunt meekijken met een aanvraag", mail.Subject);
        Assert.Contains("Aanvraag: Kookavond voor moeders\nGroep: Moedergroep Hatert\nToegang gegeven door: amina@example.org\nU mag: Meekijken en opmerkingen maken",
            mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/applications/{draft.Id}\n", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_revoke_the_coachs_next_request_is_not_found_and_the_revoke_is_audited()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        var (coach, coachId) = await CoachAsync("coach@example.org");
        var page = $"/applications/{draft.Id}/coaches";
        await member.SubmitAsync(page, ("Input.Email", "coach@example.org"), ("Input.Kind", "CoachEdit"));
        var (seen, _) = await coach.GetAsync($"/applications/{draft.Id}/activity/title");
        var (_, workBefore) = await coach.GetAsync("/coach");
        Guid grantId;
        await using (var db = fixture.Database.NewContext()) grantId = (await db.CoachGrants.SingleAsync()).Id;

        await member.GetAsync(page);
        var (revoked, _) = await member.PostAsync(page + "?handler=Revoke", [("GrantId", grantId.ToString())]);
        var (gone, _) = await coach.GetAsync($"/applications/{draft.Id}/activity/title");
        var (_, workAfter) = await coach.GetAsync("/coach");
        var (_, html) = await member.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        // The coach's own list shows the application while the consent lasts.
        Assert.Contains($"<a dir=\"auto\" href=\"/applications/{draft.Id}\">Kookavond voor moeders</a>", workBefore, StringComparison.Ordinal);
        Assert.DoesNotContain($"/applications/{draft.Id}", workAfter, StringComparison.Ordinal);
        Assert.Contains("Nog geen groep gaf u toegang tot een aanvraag.", workAfter, StringComparison.Ordinal);
        Assert.Contains("Nog geen coach.", html, StringComparison.Ordinal);
        Assert.Contains("stopte de toegang van", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        await using var check = fixture.Database.NewContext();
        var row = await check.AuditEvents.SingleAsync(a => a.Kind == "application.coach-revoked");
        Assert.Equal((organisation.Members[0].UserId, draft.Id, $"coach {coachId}; CoachEdit"), (row.UserId!.Value, row.ObjectId!.Value, row.Detail));
    }

    [Fact]
    public async Task An_address_that_is_not_a_coachs_is_refused_with_the_same_plain_words_as_an_unknown_one_and_keeps_what_was_typed()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        await TestAccounts.CreateAsync(fixture.Factory, "buurman@example.org", Roles.Applicant);
        await TestAccounts.CreateAsync(fixture.Factory, "reviewer@example.org", Roles.Reviewer);
        var page = $"/applications/{draft.Id}/coaches";

        var answers = new List<string>();
        foreach (var email in new[] { "buurman@example.org", "reviewer@example.org", "niemand@example.org" })
        {
            var (response, html) = await member.SubmitAsync(page, ("Input.Email", email), ("Input.Kind", "CoachEdit"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains($"value=\"{email}\"", html, StringComparison.Ordinal);
            Assert.Contains("value=\"CoachEdit\" checked=\"checked\"", html, StringComparison.Ordinal);
            answers.Add(ErrorOf(html));
        }
        var (empty, emptyHtml) = await member.SubmitAsync(page, ("Input.Email", ""));

        Assert.Equal("Wij vinden geen coach met dit e-mailadres. Kijk of het adres klopt. Of vraag de coach om het adres waarmee hij of zij inlogt.", answers[0]);
        Assert.All(answers, a => Assert.Equal(answers[0], a));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Vul het e-mailadres van de coach in.", emptyHtml, StringComparison.Ordinal);
        Assert.Contains("Kies wat de coach mag.", emptyHtml, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.False(await db.CoachGrants.AnyAsync());
        Assert.False(await db.AuditEvents.AnyAsync(a => a.Kind == "application.coach-granted"));
    }

    [Fact]
    public async Task A_member_of_another_organisation_and_the_coach_cannot_use_the_page_of_this_application()
    {
        var (_, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        var (other, _) = await fixture.SignedInApplicantAsync("samir@example.org", "Buurtgroep Lindenholt");
        var (coach, coachId) = await CoachAsync("coach@example.org");
        await GrantAsync(draft.Id, coachId, GrantKind.CoachEdit, organisation.Members[0].UserId);
        var page = $"/applications/{draft.Id}/coaches";

        var (look, _) = await other.GetAsync(page);
        await other.GetAsync("/applications");
        var (grant, _) = await other.PostAsync(page, [("Input.Email", "coach@example.org"), ("Input.Kind", "CoachEdit")]);
        var (coachLook, _) = await coach.GetAsync(page);

        Assert.Equal(HttpStatusCode.NotFound, look.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, grant.StatusCode);
        // A coach does not manage their own consent, not even with consent to edit.
        Assert.Equal(HttpStatusCode.NotFound, coachLook.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(1, await db.CoachGrants.CountAsync());
    }

    [Fact]
    public async Task A_coach_who_may_look_cannot_change_an_answer_and_one_who_may_edit_can_and_the_members_read_it_back()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        var (viewer, viewerId) = await CoachAsync("kijker@example.org");
        var (editor, editorId) = await CoachAsync("fatima@example.org");
        await GrantAsync(draft.Id, viewerId, GrantKind.CoachView, organisation.Members[0].UserId);
        await GrantAsync(draft.Id, editorId, GrantKind.CoachEdit, organisation.Members[0].UserId);

        var (_, viewerPage) = await viewer.GetAsync($"/applications/{draft.Id}/activity/title");
        var (_, viewerBudget) = await viewer.GetAsync($"/applications/{draft.Id}/budget");
        // A post made without the page (the page offers no form): refused all the same.
        var (refused, _) = await viewer.PostAsync($"/applications/{draft.Id}/activity/title", [("Input.Title", "Door de kijker veranderd")]);
        var (saved, _) = await SaveTitleAsync(editor, draft.Id, "Kookavond voor de hele buurt");
        var (_, html) = await member.GetAsync($"/applications/{draft.Id}/coaches");

        // The page says so instead of offering a form whose save would come back "not found".
        foreach (var page in new[] { viewerPage, viewerBudget })
        {
            Assert.Contains("U kijkt mee met deze aanvraag. U kunt de antwoorden niet veranderen.", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Opslaan", page, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("fatima@example.org\u2069 (coach) heeft de activiteit gewijzigd op", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("Kookavond voor de hele buurt", (await db.Applications.SingleAsync()).Title);
        var edit = await db.AuditEvents.SingleAsync(a => a.Kind == "application.answer-changed");
        Assert.Equal((editorId, "Coach", "activity.title"), (edit.UserId!.Value, edit.ActorRole, edit.Detail));
    }

    [Fact]
    public async Task The_task_list_and_the_status_page_link_members_to_the_page_and_not_the_coach()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        var (coach, coachId) = await CoachAsync("coach@example.org");
        await GrantAsync(draft.Id, coachId, GrantKind.CoachView, organisation.Members[0].UserId);
        var link = $"href=\"/applications/{draft.Id}/coaches\"";

        var (_, tasks) = await member.GetAsync($"/applications/{draft.Id}");
        var (_, status) = await member.GetAsync($"/applications/{draft.Id}/status");
        var (_, coachTasks) = await coach.GetAsync($"/applications/{draft.Id}");

        Assert.Contains(link, tasks, StringComparison.Ordinal);
        Assert.Contains(link, status, StringComparison.Ordinal);
        Assert.DoesNotContain(link, coachTasks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_arabic_the_page_and_its_refusal_are_arabic_and_the_typed_address_stays()
    {
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org", language: "ar");
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        var page = $"/applications/{draft.Id}/coaches";

        var (_, html) = await member.GetAsync(page);
        var (refused, refusedHtml) = await member.PostAsync(page, [("Input.Email", "buurvrouw@example.org"), ("Input.Kind", "CoachView")]);

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1>من يساعد</h1>", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("لا نجد مرشدًا بهذا البريد الإلكتروني.", refusedHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"buurvrouw@example.org\"", refusedHtml, StringComparison.Ordinal);
    }

    internal static async Task<(HttpResponseMessage, string)> SaveTitleAsync(FormClient client, Guid id, string title)
    {
        var url = $"/applications/{id}/activity/title";
        var (_, page) = await client.GetAsync(url);
        return await client.PostAsync(url, [("Version", ApplicationTests.Hidden(page, "Version")), ("Original", ApplicationTests.Hidden(page, "Original")),
            ("Input.Title", title)]);
    }

    private static string ErrorOf(string html)
    {
        var start = html.IndexOf("id=\"Input_Email-error\"", StringComparison.Ordinal);
        var text = html[html.IndexOf("</span>", start, StringComparison.Ordinal)..];
        return WebUtility.HtmlDecode(text["</span>".Length..text.IndexOf("</p>", StringComparison.Ordinal)]);
    }

    private async Task<(FormClient, Guid)> CoachAsync(string email) => await CoachAccounts.SignedInAsync(fixture, email);

    private Task GrantAsync(Guid applicationId, Guid coachId, GrantKind kind, Guid by) =>
        CoachAccounts.GrantAsync(fixture, applicationId, coachId, kind, by);
}

/// <summary>Coaches sign in with a second factor, like all staff.</summary>
internal static class CoachAccounts
{
    public static async Task<(FormClient Client, Guid Id)> SignedInAsync(DatabaseFixture fixture, string email)
    {
        var key = Totp.NewKey();
        var user = await TestAccounts.CreateAsync(fixture.Factory, email, Roles.Coach, authenticatorKey: key);
        var client = new FormClient(fixture.Factory);
        await client.SignInWithCodeAsync(email, TestAccounts.Password, key);
        return (client, user.Id);
    }

    public static async Task GrantAsync(DatabaseFixture fixture, Guid applicationId, Guid coachId, GrantKind kind, Guid by)
    {
        await using var db = fixture.Database.NewContext();
        db.CoachGrants.Add(new CoachGrant(applicationId, coachId, kind, by, DateTimeOffset.UtcNow));
        await db.SaveChangesAsync();
    }
}
