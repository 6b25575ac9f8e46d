using System.Net;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Coaching;
using Portal.Domain.Terms;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Coaching;

/// <summary>
/// Issue 10, point 1: "Vraag hulp aan een coach" from any page, as a page without JavaScript and as htmx's dialog
/// content; the promise of two working days; plain errors that keep what was typed; a repeat recognised; where the
/// person asked from, in words, without revealing someone else's application; the group's fixed coach named; the request
/// on "my applications"; a rate limit.
/// </summary>
[Collection(Db.Coaching)]
public sealed class AskCoachTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static (string, string)[] Answers(string from, string name = "هوى 🌸", string phone = "06-1234 5678", string email = "",
        string topic = "Budget", string channel = "WhatsApp", string question = "Mag eten op de begroting? 🍲") =>
    [
        ("From", from), ("Input.Topic", topic), ("Input.Question", question), ("Input.Channel", channel), ("Input.Language", "ar"),
        ("Input.ReachableAt", "Evening"), ("Input.ReachableAt", "Weekend"), ("Input.CoachGender", "Woman"), ("Input.Name", name),
        ("Input.Phone", phone), ("Input.Email", email),
    ];

    [Fact]
    public async Task Someone_without_an_account_asks_from_a_scheme_page_and_is_promised_a_coach_within_two_working_days()
    {
        var fatima = await TestCoaches.CreateAsync(fixture, "fatima@example.org", "Fatima El Amrani", ["ar", "nl"], ["Dukenburg"]);
        await TestCoaches.CreateAsync(fixture, "yonas@example.org", "Yonas Tesfay", ["ti", "en"], ["Oud-West"]);
        using var client = new FormClient(fixture.Factory);

        var (form, formHtml) = await client.GetAsync("/help/ask?from=/schemes/samen-doen");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("Kleine subsidie Samen Doen", formHtml, StringComparison.Ordinal);
        var (response, html) = await client.PostAsync("/help/ask", Answers("/schemes/samen-doen"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Uw vraag is verstuurd", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var request = await db.HelpRequests.Include(r => r.Offers).SingleAsync();
        var promised = AtwCalendar.Netherlands.AddWorkingDays(NijmegenTime.DayOf(request.CreatedAt), 2);
        Assert.Equal(promised, request.AnswerBy);
        Assert.Contains(promised.ToString("d MMMM yyyy", new System.Globalization.CultureInfo("nl")), WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Equal("+31612345678", request.Requester.Phone);
        Assert.Equal("هوى 🌸", request.Requester.Name);
        Assert.Equal(ReachableAt.Evening | ReachableAt.Weekend, request.ReachableAt);
        Assert.Equal("samen-doen", request.Origin.SchemeSlug);
        Assert.Equal([(fatima.Id, OfferReason.Match)], request.Offers.Select(o => (o.CoachId, o.Reason)));
        Assert.Contains(await db.AuditEvents.Select(a => a.Kind).ToListAsync(), k => k == "help-request.asked");
    }

    [Fact]
    public async Task Missing_or_wrong_contact_details_get_plain_errors_and_everything_typed_stays()
    {
        using var client = new FormClient(fixture.Factory);
        await client.GetAsync("/help/ask?from=/");

        var (_, noName) = await client.PostAsync("/help/ask", Answers("/", name: " ", phone: "", question: "سؤال عن الميزانية 😊"));
        Assert.Contains("Vul uw naam in, dan weet de coach wie u bent.", noName, StringComparison.Ordinal);
        Assert.Contains("سؤال عن الميزانية 😊", WebUtility.HtmlDecode(noName), StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Name\"", noName, StringComparison.Ordinal);

        var (_, noContact) = await client.PostAsync("/help/ask", Answers("/", phone: "", channel: "WalkIn"));
        Assert.Contains("Vul een telefoonnummer of een e-mailadres in", noContact, StringComparison.Ordinal);
        Assert.Contains("هوى 🌸", WebUtility.HtmlDecode(noContact), StringComparison.Ordinal);

        var (_, badPhone) = await client.PostAsync("/help/ask", Answers("/", phone: "06-12ab5678"));
        Assert.Contains("Een telefoonnummer heeft alleen cijfers", badPhone, StringComparison.Ordinal);
        Assert.Contains("value=\"06-12ab5678\"", badPhone, StringComparison.Ordinal);

        var (_, whatsAppByEmail) = await client.PostAsync("/help/ask", Answers("/", phone: "", email: "hawa@example.org"));
        Assert.Contains("Vul uw telefoonnummer in, dan kan de coach u bellen of appen.", whatsAppByEmail, StringComparison.Ordinal);

        var (_, noChoice) = await client.PostAsync("/help/ask", Answers("/", topic: "", channel: ""));
        Assert.Contains("Kies waar u hulp bij wilt.", noChoice, StringComparison.Ordinal);
        Assert.Contains("Kies hoe u contact wilt.", noChoice, StringComparison.Ordinal);

        var (_, tooLong) = await client.PostAsync("/help/ask", Answers("/", question: new string('و', 2001)));
        Assert.Contains("Uw vraag is te lang", tooLong, StringComparison.Ordinal);

        await using var db = fixture.Database.NewContext();
        Assert.Equal(0, await db.HelpRequests.CountAsync());
    }

    [Fact]
    public async Task The_same_question_again_within_the_hour_is_recognised_and_not_sent_twice()
    {
        using var client = new FormClient(fixture.Factory);
        await client.GetAsync("/help/ask?from=/");

        await client.PostAsync("/help/ask", Answers("/"));
        var (_, again) = await client.PostAsync("/help/ask", Answers("/"));

        Assert.Contains("Wij hebben uw vraag al", again, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(1, await db.HelpRequests.CountAsync());
        var (_, other) = await client.PostAsync("/help/ask", Answers("/", topic: "Documents"));
        Assert.Contains("Uw vraag is verstuurd", other, StringComparison.Ordinal);
        Assert.Equal(2, await db.HelpRequests.CountAsync());
    }

    [Fact]
    public async Task A_member_asking_from_the_budget_gets_the_groups_fixed_coach_named_and_sees_the_request_on_my_applications()
    {
        var fatima = await TestCoaches.CreateAsync(fixture, "fatima@example.org", "Fatima El Amrani", ["ar", "nl"], ["Dukenburg"]);
        await TestCoaches.CreateAsync(fixture, "karim@example.org", "Karim", ["ar"], ["Zuid"], CoachGender.Man);
        var (client, organisation) = await fixture.SignedInApplicantAsync("amina@example.org");
        using var _ = client;
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation);
        await using (var db = fixture.Database.NewContext())
        {
            (await db.Organisations.SingleAsync(o => o.Id == organisation.Id)).KeepCoach(fatima.Id, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var from = $"/applications/{draft.Id}/budget";

        var (_, formHtml) = await client.GetAsync($"/help/ask?from={from}");
        Assert.Contains("Begroting — Kleine subsidie Samen Doen", formHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Input.Email", formHtml, StringComparison.Ordinal);
        var (_, html) = await client.PostAsync("/help/ask", Answers(from, name: "Amina"));

        Assert.Contains("Fatima El Amrani neemt contact met u op, uiterlijk", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        await using (var db = fixture.Database.NewContext())
        {
            var request = await db.HelpRequests.Include(r => r.Offers).SingleAsync();
            Assert.Equal(organisation.Id, request.OrganisationId);
            Assert.Equal((draft.Id, "budget"), (request.Origin.ApplicationId, request.Origin.Section));
            Assert.Equal("amina@example.org", request.Requester.Email);
            Assert.Equal([(fatima.Id, OfferReason.FixedCoach)], request.Offers.Select(o => (o.CoachId, o.Reason)));
        }
        var (_, mine) = await client.GetAsync("/applications");
        Assert.Contains("Uw vragen aan een coach", mine, StringComparison.Ordinal);
        Assert.Contains("Wacht op een coach", mine, StringComparison.Ordinal);
        var (_, taskList) = await client.GetAsync($"/applications/{draft.Id}");
        Assert.Contains("Uw coach: Fatima El Amrani", taskList, StringComparison.Ordinal);
        var (_, budget) = await client.GetAsync(from);
        Assert.Contains("Uw coach: Fatima El Amrani", budget, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_elses_application_in_the_address_is_not_revealed_or_recorded()
    {
        var amina = await TestAccounts.CreateAsync(fixture.Factory, "amina@example.org", Portal.Domain.Accounts.Roles.Applicant);
        var draft = await TestApplications.DraftAsync(fixture.Database, await TestApplications.OrganisationAsync(fixture.Database, amina.Id));
        var (client, _) = await fixture.SignedInApplicantAsync("sara@example.org", "Buurtgroep Lent");
        using var _ = client;
        var from = $"/applications/{draft.Id}/budget";

        var (_, formHtml) = await client.GetAsync($"/help/ask?from={from}");
        Assert.DoesNotContain("Begroting", formHtml, StringComparison.Ordinal);
        await client.PostAsync("/help/ask", Answers(from, name: "Sara"));

        await using var db = fixture.Database.NewContext();
        var request = await db.HelpRequests.SingleAsync();
        Assert.Null(request.Origin.ApplicationId);
        Assert.Equal("/applications", request.Origin.Page);
        Assert.NotEqual(draft.OrganisationId, request.OrganisationId);
    }

    [Fact]
    public async Task Htmx_gets_the_form_and_the_confirmation_as_the_dialogs_content_and_a_browser_the_whole_page()
    {
        using var client = new FormClient(fixture.Factory);
        var (page, pageHtml) = await client.GetAsync("/help/ask?from=/");
        var (fragment, fragmentHtml) = await client.GetAsync("/help/ask?from=/", ("HX-Request", "true"));

        Assert.Contains("<html", pageHtml, StringComparison.Ordinal);
        Assert.Contains("<h1>Vraag hulp aan een coach</h1>", pageHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", fragmentHtml, StringComparison.Ordinal);
        Assert.StartsWith("<div id=\"ask-coach\"", fragmentHtml.TrimStart()[fragmentHtml.TrimStart().IndexOf("<div", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("id=\"ask-coach-heading\"", fragmentHtml, StringComparison.Ordinal);
        Assert.Contains("HX-Request", fragment.Headers.Vary);
        var (_, confirmation) = await client.PostAsync("/help/ask", Answers("/"), headers: ("HX-Request", "true"));
        Assert.DoesNotContain("<html", confirmation, StringComparison.Ordinal);
        Assert.Contains("Uw vraag is verstuurd", confirmation, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task Every_page_offers_the_button_with_the_page_it_was_on()
    {
        await using (var db = fixture.Database.NewContext()) await Portal.Data.DemoData.SeedSchemesAsync(db, TimeProvider.System);
        using var client = new FormClient(fixture.Factory);
        foreach (var page in new[] { "/", "/schemes", "/schemes/samen-doen", "/help", "/account/sign-in", "/no-such-page" })
        {
            var (_, html) = await client.GetAsync(page);
            Assert.True(html.Contains($"href=\"/help/ask?from={Uri.EscapeDataString(page)}\"", StringComparison.Ordinal), page + ": " + string.Join(" ", System.Text.RegularExpressions.Regex.Matches(html, "help/ask[^\"]*").Select(m => m.Value)));
        }
    }

    [Fact]
    public async Task Too_many_requests_from_one_address_get_429()
    {
        await using var limited = new PortalFactory(fixture.Database, settings: new Dictionary<string, string?> { ["RateLimits:HelpRequestPerMinute"] = "2" });
        using var client = new FormClient(limited);
        await client.GetAsync("/help/ask?from=/");
        var statuses = new List<HttpStatusCode>();
        foreach (var topic in new[] { "Budget", "Documents", "FillingIn" })
            statuses.Add((await client.PostAsync("/help/ask", Answers("/", topic: topic))).Response.StatusCode);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }
}
