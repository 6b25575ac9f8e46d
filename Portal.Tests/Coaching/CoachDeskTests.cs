using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Coaching;
using Portal.Domain.Terms;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Coaching;

/// <summary>
/// Issue 10, points 3–6: the coach's dashboard and request page — only what is offered to or held by the coach (or their
/// lead), overdue first, filters; one claim when two coaches click at once; handover with a note (the person and the new
/// coach are told); contact and outcome; helping with an application makes the coach the group's fixed coach, whom the
/// members may replace.
/// </summary>
[Collection(Db.Coaching)]
public sealed class CoachDeskTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HelpRequest> RequestAsync(TestCoaches.TestCoach? offeredTo, string language = "ar", DateTimeOffset? at = null,
        string email = "hawa@example.org", Guid? organisation = null, HelpChannel channel = HelpChannel.Phone, bool interpreter = false)
    {
        var now = at ?? DateTimeOffset.UtcNow;
        var request = new HelpRequest(new HelpOrigin("/schemes/samen-doen", "samen-doen"), HelpTopic.Budget, "Wat mag op de begroting?",
            channel, language, ReachableAt.Evening, interpreter, CoachGender.NoPreference, Requester.Anonymous("Hawa", "0612345678", email), now,
            AtwCalendar.Netherlands, organisation);
        if (offeredTo is not null) request.OfferTo([offeredTo.Id], OfferReason.Match, now);
        await using var db = fixture.Database.NewContext();
        db.HelpRequests.Add(request);
        await db.SaveChangesAsync();
        return request;
    }

    [Fact]
    public async Task A_coach_sees_only_requests_offered_to_them_overdue_first_and_anyone_else_gets_not_found()
    {
        var fatima = await TestCoaches.CreateAsync(fixture, "fatima@example.org", "Fatima", ["ar"], ["Dukenburg"]);
        var yonas = await TestCoaches.CreateAsync(fixture, "yonas@example.org", "Yonas", ["ti"], ["Oud-West"]);
        var recent = await RequestAsync(fatima);
        var old = await RequestAsync(fatima, at: DateTimeOffset.UtcNow.AddDays(-7));
        var yonasOwn = await RequestAsync(yonas, language: "ti");
        using var client = await TestCoaches.SignInAsync(fixture, fatima);

        var (_, dashboard) = await client.GetAsync("/coach");

        Assert.Contains($"/coach/requests/{recent.Id}", dashboard, StringComparison.Ordinal);
        Assert.DoesNotContain($"/coach/requests/{yonasOwn.Id}", dashboard, StringComparison.Ordinal);
        Assert.True(dashboard.IndexOf(old.Id.ToString(), StringComparison.Ordinal) < dashboard.IndexOf(recent.Id.ToString(), StringComparison.Ordinal),
            "the overdue request comes first");
        Assert.Contains("Over tijd", dashboard, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/coach/requests/{yonasOwn.Id}")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/coach/requests/{yonasOwn.Id}?handler=Claim", [])).Response.StatusCode);

        var (_, filtered) = await client.GetAsync("/coach?Language=ti");
        Assert.DoesNotContain($"/coach/requests/{recent.Id}", filtered, StringComparison.Ordinal);
        var (_, byChannel) = await client.GetAsync("/coach?Channel=WhatsApp");
        Assert.Contains("Er zijn geen open vragen.", byChannel, StringComparison.Ordinal);

        // An applicant, and a coach who signed in without the second factor, are not coaches here.
        var (applicant, _) = await fixture.SignedInApplicantAsync("amina@example.org");
        using (applicant)
            Assert.NotEqual(HttpStatusCode.OK, (await applicant.GetAsync($"/coach/requests/{recent.Id}")).Response.StatusCode);
    }

    [Fact]
    public async Task Of_two_coaches_claiming_at_once_exactly_one_gets_the_request_and_the_person_is_told_who()
    {
        var fatima = await TestCoaches.CreateAsync(fixture, "fatima@example.org", "Fatima El Amrani", ["ar"], ["Dukenburg"]);
        var karim = await TestCoaches.CreateAsync(fixture, "karim@example.org", "Karim", ["ar"], ["Zuid"]);
        var request = await RequestAsync(fatima);
        await using (var db = fixture.Database.NewContext())
        {
            (await db.HelpRequests.Include(r => r.Offers).SingleAsync()).OfferTo([karim.Id], OfferReason.Match, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        using var first = await TestCoaches.SignInAsync(fixture, fatima);
        using var second = await TestCoaches.SignInAsync(fixture, karim);
        var url = $"/coach/requests/{request.Id}";
        await first.GetAsync(url);
        await second.GetAsync(url);

        var answers = await Task.WhenAll(first.PostAsync(url + "?handler=Claim", []), second.PostAsync(url + "?handler=Claim", []));

        Assert.Single(answers, a => a.Response.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(answers, a => a.Html.Contains("Een andere coach heeft deze vraag net opgepakt.", StringComparison.Ordinal));
        await using var check = fixture.Database.NewContext();
        var claimed = await check.HelpRequests.SingleAsync();
        Assert.Equal(HelpRequestState.Claimed, claimed.State);
        var winner = claimed.CoachId == fatima.Id ? "Fatima El Amrani" : "Karim";
        var mail = await check.EmailMessages.SingleAsync(m => m.To == "hawa@example.org");
        // Hawa asked in Arabic without an account: she is told in Arabic.
        Assert.Equal($"مرشدكم هو {winner}", mail.Subject);
        Assert.Contains("06 1234 5001", mail.TextBody.Replace("+31612345001", "06 1234 5001"), StringComparison.Ordinal);
        Assert.Single(await check.AuditEvents.Where(a => a.Kind == "help-request.claimed").ToListAsync());
    }

    [Fact]
    public async Task A_handover_needs_a_note_and_tells_the_person_and_the_new_coach_who_then_finds_it()
    {
        var fatima = await TestCoaches.CreateAsync(fixture, "fatima@example.org", "Fatima El Amrani", ["ar"], ["Dukenburg"]);
        var yonas = await TestCoaches.CreateAsync(fixture, "yonas@example.org", "Yonas Tesfay", ["ti", "en"], ["Oud-West"], language: "en");
        var request = await RequestAsync(fatima);
        using var client = await TestCoaches.SignInAsync(fixture, fatima);
        var url = $"/coach/requests/{request.Id}";
        await client.SubmitAsync(url + "?handler=Claim");

        var (_, noNote) = await client.SubmitAsync(url + "?handler=HandOver", ("ToCoach", yonas.Id.ToString()), ("HandoverNote", " "));
        Assert.Contains("Schrijf voor de nieuwe coach kort wat al gedaan is.", noNote, StringComparison.Ordinal);
        var (handedOver, _) = await client.SubmitAsync(url + "?handler=HandOver", ("ToCoach", yonas.Id.ToString()),
            ("HandoverNote", "Zij spreekt ook Tigrinya; bel na 18 uur. 📞"));

        Assert.Equal(HttpStatusCode.Redirect, handedOver.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(yonas.Id, (await db.HelpRequests.SingleAsync()).CoachId);
        var toPerson = await db.EmailMessages.Where(m => m.To == "hawa@example.org").OrderBy(m => m.CreatedAt).ToListAsync();
        Assert.Equal("سيساعدكم Yonas Tesfay من الآن", toPerson.Last().Subject);
        var toYonas = await db.EmailMessages.SingleAsync(m => m.To == "yonas@example.org");
        Assert.Equal("Fatima El Amrani has handed a request for help over to you", toYonas.Subject);
        Assert.Contains("Zij spreekt ook Tigrinya; bel na 18 uur. 📞", toYonas.TextBody, StringComparison.Ordinal);
        using var yonasClient = await TestCoaches.SignInAsync(fixture, yonas);
        var (page, html) = await yonasClient.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Zij spreekt ook Tigrinya", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        // Fatima handed it over: she may still read it (it was offered to her), but it is no longer hers to note on.
        var (_, notHers) = await client.SubmitAsync(url + "?handler=Note", ("Note", "nog iets"));
        Assert.Contains("Deze vraag is van een andere coach.", notHers, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_notes_and_helping_with_an_application_make_the_coach_the_groups_fixed_coach_until_a_member_asks_for_another()
    {
        var fatima = await TestCoaches.CreateAsync(fixture, "fatima@example.org", "Fatima El Amrani", ["ar"], ["Dukenburg"]);
        var (member, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = member;
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        var request = await RequestAsync(fatima, organisation: organisation.Id, channel: HelpChannel.WhatsApp);
        using var client = await TestCoaches.SignInAsync(fixture, fatima);
        var url = $"/coach/requests/{request.Id}";
        await client.SubmitAsync(url + "?handler=Claim");

        var (_, claimedPage) = await client.GetAsync(url + "?done=Claimed");
        Assert.Contains("https://wa.me/31612345678?text=", claimedPage, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString("مرحبًا Hawa"), claimedPage, StringComparison.Ordinal);
        var (noted, _) = await client.SubmitAsync(url + "?handler=Note", ("Note", "Belt terug op dinsdag. نعم"));
        Assert.Equal(HttpStatusCode.Redirect, noted.StatusCode);
        var (_, noHow) = await client.SubmitAsync(url + "?handler=Contacted");
        Assert.Contains("Kies een van de mogelijkheden.", noHow, StringComparison.Ordinal);
        await client.SubmitAsync(url + "?handler=Contacted", ("ContactedBy", "WhatsApp"));
        await client.SubmitAsync(url + "?handler=Resolve", ("Outcome", "HelpedWithApplication"));

        await using (var db = fixture.Database.NewContext())
        {
            var resolved = await db.HelpRequests.Include(r => r.Notes).SingleAsync();
            Assert.Equal((HelpRequestState.Resolved, HelpChannel.WhatsApp, HelpOutcome.HelpedWithApplication),
                (resolved.State, resolved.ContactedBy, resolved.Outcome!.Value));
            Assert.Equal("Belt terug op dinsdag. نعم", resolved.Notes.Single().Text);
            Assert.Equal(fatima.Id, (await db.Organisations.SingleAsync(o => o.Id == organisation.Id)).FixedCoachId);
        }
        var (_, status) = await member.GetAsync($"/applications/{draft.Id}/status");
        Assert.Contains("Uw coach: Fatima El Amrani", status, StringComparison.Ordinal);
        Assert.Contains("dinsdag 10.00–12.00 uur", WebUtility.HtmlDecode(status), StringComparison.Ordinal);
        var (_, mine) = await member.GetAsync("/applications");
        Assert.DoesNotContain("Belt terug op dinsdag", mine, StringComparison.Ordinal);

        // The group lets its coach in with one click; the coach then opens the draft, which was "not found" before.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/applications/{draft.Id}")).Response.StatusCode);
        var (_, consentPage) = await member.GetAsync($"/applications/{draft.Id}/coaches");
        Assert.Contains("Fatima El Amrani laten meekijken", consentPage, StringComparison.Ordinal);
        var (granted, _) = await member.FillInAsync($"/applications/{draft.Id}/coaches");
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/applications/{draft.Id}")).Response.StatusCode);
        var (_, afterGrant) = await member.GetAsync($"/applications/{draft.Id}/coaches");
        Assert.DoesNotContain("laten meekijken", afterGrant, StringComparison.Ordinal);
        Assert.Contains("Fatima El Amrani", afterGrant, StringComparison.Ordinal);

        var (another, anotherHtml) = await member.SubmitAsync($"/organisation/{organisation.Id}/coach", ("returnUrl", $"/applications/{draft.Id}"));
        Assert.Equal(HttpStatusCode.OK, another.StatusCode);
        Assert.Contains("U krijgt een andere coach", anotherHtml, StringComparison.Ordinal);
        await using (var db = fixture.Database.NewContext())
        {
            var group = await db.Organisations.SingleAsync(o => o.Id == organisation.Id);
            Assert.Equal((null, fatima.Id), (group.FixedCoachId, group.ReplacedCoachId));
        }
        var (_, taskList) = await member.GetAsync($"/applications/{draft.Id}");
        Assert.DoesNotContain("Uw coach:", taskList, StringComparison.Ordinal);

        // Someone who is not a member cannot send the group's coach away.
        var (outsider, _) = await fixture.SignedInApplicantAsync("sara@example.org", "Buurtgroep Lent");
        using (outsider)
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.SubmitAsync($"/organisation/{organisation.Id}/coach")).Response.StatusCode);
    }

    [Fact]
    public async Task The_lead_of_a_coaching_organisation_sees_the_requests_of_its_coaches_and_no_others()
    {
        var fatima = await TestCoaches.CreateAsync(fixture, "fatima@example.org", "Fatima", ["ar"], ["Dukenburg"]);
        await using (var db = fixture.Database.NewContext())
        {
            var team = (await db.CoachProfiles.SingleAsync()).CoachingOrganisationId;
            await db.SaveChangesAsync();
            var ayse = await TestCoaches.CreateAsync(fixture, "ayse@example.org", "Ayşe", ["tr"], ["Zuid"], organisation: team);
            var lead = await TestCoaches.CreateAsync(fixture, "lead@example.org", "Lead", ["nl"], [], organisation: team, lead: true);
            var yonas = await TestCoaches.CreateAsync(fixture, "yonas@example.org", "Yonas", ["ti"], []);
            var ofFatima = await RequestAsync(fatima);
            var ofAyse = await RequestAsync(ayse, language: "tr");
            var ofYonas = await RequestAsync(yonas, language: "ti");
            var amina = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Roles.Applicant);
            var draft = await TestApplications.DraftAsync(fixture.Database, await TestApplications.OrganisationAsync(fixture.Database, amina.Id, "Vrouwengroep Oost"));
            db.CoachGrants.Add(new Portal.Domain.Access.CoachGrant(draft.Id, ayse.Id, Portal.Domain.Access.GrantKind.CoachView, amina.Id, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            using var client = await TestCoaches.SignInAsync(fixture, lead);

            var (_, dashboard) = await client.GetAsync("/coach");

            Assert.Contains(ofFatima.Id.ToString(), dashboard, StringComparison.Ordinal);
            Assert.Contains(ofAyse.Id.ToString(), dashboard, StringComparison.Ordinal);
            Assert.DoesNotContain(ofYonas.Id.ToString(), dashboard, StringComparison.Ordinal);
            Assert.Contains("Aanvragen van uw team", dashboard, StringComparison.Ordinal);
            Assert.Contains("Vrouwengroep Oost", dashboard[dashboard.IndexOf("Aanvragen van uw team", StringComparison.Ordinal)..], StringComparison.Ordinal);
            using var fatimaClient = await TestCoaches.SignInAsync(fixture, fatima);
            Assert.DoesNotContain("Vrouwengroep Oost", (await fatimaClient.GetAsync("/coach")).Html, StringComparison.Ordinal);
            using var ayseClient = await TestCoaches.SignInAsync(fixture, ayse);
            Assert.Equal(HttpStatusCode.NotFound, (await ayseClient.GetAsync($"/coach/requests/{ofFatima.Id}")).Response.StatusCode);
        }
    }
}
