using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Pages;

/// <summary>
/// Starting an application, the task list and the questions about the activity, used like a browser without
/// JavaScript (plain forms) and like htmx (autosave with HX-Request), including two tabs saving the same answer.
/// </summary>
[Collection(Db.Applications)]
public sealed partial class ApplicationTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static readonly (string Name, string Value) Htmx = ("HX-Request", "true");

    // ---- Start ----

    [Fact]
    public async Task Starting_creates_one_draft_in_the_users_language_and_starting_again_opens_the_same_draft()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        await client.SubmitAsync("/language", ("code", "ar"), ("returnUrl", "/"));

        var (page, html) = await client.GetAsync("/applications/start?scheme=samen-doen");
        var (first, _) = await client.PostAsync("/applications/start?scheme=samen-doen", []);
        var (again, _) = await client.GetAsync("/applications/start?scheme=samen-doen");
        var (secondPost, _) = await client.SubmitAsync("/applications/start?scheme=samen-doen");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<button type=\"submit\">", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var draft = await db.Applications.SingleAsync();
        Assert.Equal($"/applications/{draft.Id}", first.Headers.Location!.OriginalString);
        Assert.Equal($"/applications/{draft.Id}", again.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, secondPost.StatusCode);
        Assert.Equal(organisation.Id, draft.OrganisationId);
        Assert.Equal(ApplicationStatus.Draft, draft.Status);
        Assert.Equal("ar", draft.AnswerLanguage);
    }

    [Fact]
    public async Task Starting_without_an_organisation_explains_why_links_to_the_profile_and_creates_nothing()
    {
        await TestAccounts.CreateAsync(fixture.Factory, "new@example.org", Roles.Applicant);
        await using (var seed = fixture.Database.NewContext()) await Portal.Data.DemoData.SeedSchemesAsync(seed, TimeProvider.System);
        using var client = new FormClient(fixture.Factory);
        await client.SignInAsync("new@example.org", TestAccounts.Password);

        var (page, html) = await client.GetAsync("/applications/start?scheme=samen-doen");
        var (post, _) = await client.PostAsync("/applications/start?scheme=samen-doen", []);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Vertel eerst iets over uw groep", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/organisation?returnUrl=%2Fapplications%2Fstart%3Fscheme%3Dsamen-doen\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(0, await db.Applications.CountAsync());
    }

    [Fact]
    public async Task Starting_with_an_incomplete_organisation_asks_to_complete_it_first()
    {
        var user = await TestAccounts.CreateAsync(fixture.Factory, "half@example.org", Roles.Applicant);
        await using (var db = fixture.Database.NewContext())
        {
            await Portal.Data.DemoData.SeedSchemesAsync(db, TimeProvider.System);
            db.Organisations.Add(new Organisation("Jongeren Dukenburg", OrganisationKind.InformalGroup, Actor.Applicant(user.Id), DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
        using var client = new FormClient(fixture.Factory);
        await client.SignInAsync("half@example.org", TestAccounts.Password);

        var (_, html) = await client.GetAsync("/applications/start?scheme=samen-doen");
        await client.PostAsync("/applications/start?scheme=samen-doen", []);

        Assert.Contains("Vul eerst de gegevens van uw groep aan", html, StringComparison.Ordinal);
        Assert.Contains("/organisation?returnUrl=", html, StringComparison.Ordinal);
        await using var check = fixture.Database.NewContext();
        Assert.Equal(0, await check.Applications.CountAsync());
    }

    [Fact]
    public async Task An_unknown_scheme_gets_a_plain_message()
    {
        var (client, _) = await ApplicantAsync("amina@example.org");

        var (response, html) = await client.GetAsync("/applications/start?scheme=bestaat-niet");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Wij kennen deze regeling niet.", html, StringComparison.Ordinal);
    }

    // ---- Task list ----

    [Fact]
    public async Task The_task_list_shows_each_section_with_its_status_and_check_only_when_the_rest_is_done()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var started = await TestApplications.DraftAsync(fixture.Database, organisation, complete: false);
        var complete = await TestApplications.DraftAsync(fixture.Database, organisation, costEuros: 800);

        var (_, startedHtml) = await client.GetAsync($"/applications/{started.Id}");
        var (_, completeHtml) = await client.GetAsync($"/applications/{complete.Id}");

        Assert.Matches(@"<h1 dir=""auto""[^>]*>Kookavond voor moeders</h1>", startedHtml);
        Assert.Matches(@"Over uw activiteit</a>\s*<strong class=""status status--progress"">Bezig", startedHtml);
        Assert.Matches(@"Begroting: wat kost het\?</a>\s*<strong class=""status"">Nog niet begonnen", startedHtml);
        Assert.Contains("Kan nog niet", startedHtml, StringComparison.Ordinal);
        Assert.DoesNotContain($"/applications/{started.Id}/check", startedHtml, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{started.Id}/activity/description\"", startedHtml, StringComparison.Ordinal);
        Assert.Contains("Moedergroep Hatert", startedHtml, StringComparison.Ordinal);
        Assert.Contains("Opslaan en later verder", startedHtml, StringComparison.Ordinal);

        Assert.Contains("Niet nodig bij dit bedrag", completeHtml, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{complete.Id}/check\"", completeHtml, StringComparison.Ordinal);
        Assert.DoesNotContain($"/applications/{complete.Id}/attachments", completeHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Above_the_small_amount_the_task_list_links_to_the_attachments()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var draft = await TestApplications.DraftAsync(fixture.Database, organisation, costEuros: 1_800);

        var (_, html) = await client.GetAsync($"/applications/{draft.Id}");

        Assert.Matches($@"href=""/applications/{draft.Id}/attachments"">Bijlagen</a>\s*<strong class=""status"">Nog niet begonnen", html);
        Assert.DoesNotContain($"/applications/{draft.Id}/check\"", html, StringComparison.Ordinal);
    }

    // ---- Activity questions ----

    [Fact]
    public async Task Each_question_saves_its_answer_and_leads_to_the_next_and_the_last_back_to_the_task_list()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;
        var steps = new (string Question, (string, string)[] Fields, string Next)[]
        {
            ("title", [("Input.Title", "Iftar voor de hele buurt")], "description"),
            ("description", [("Input.Description", "Wij eten samen na zonsondergang.\r\nIedereen brengt iets mee.")], "for-whom"),
            ("for-whom", [("Input.ForWhom", "Buren uit Hatert, moslim of niet")], "participants"),
            ("participants", [("Input.Participants", "60")], "where"),
            ("where", [("Input.Neighbourhood", "Zuid/Hatert")], "when"),
            ("when", [("Input.StartsOn.Day", "20"), ("Input.StartsOn.Month", "3"), ("Input.StartsOn.Year", "2026"),
                ("Input.EndsOn.Day", ""), ("Input.EndsOn.Month", ""), ("Input.EndsOn.Year", "")], "join"),
            ("join", [("Input.HowOthersJoin", "Flyers bij de supermarkt")], ""),
        };

        foreach (var (question, fields, next) in steps)
        {
            var (response, _) = await SaveAsync(client, id, question, fields);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(next == "" ? $"/applications/{id}" : $"/applications/{id}/activity/{next}", response.Headers.Location!.OriginalString);
        }

        await using var db = fixture.Database.NewContext();
        var saved = await db.Applications.SingleAsync(a => a.Id == id);
        Assert.Equal("Iftar voor de hele buurt", saved.Title);
        Assert.Equal("Wij eten samen na zonsondergang.\r\nIedereen brengt iets mee.", saved.Description);
        Assert.Equal(60, saved.ParticipantCount);
        Assert.Equal("Zuid/Hatert", saved.Neighbourhood);
        Assert.Equal(new DateOnly(2026, 3, 20), saved.StartsOn);
        Assert.Null(saved.EndsOn);
        Assert.Equal(SectionStatus.Done, saved.ActivityStatus);
    }

    [Fact]
    public async Task Every_question_page_has_a_heading_label_hint_help_with_an_example_and_both_save_buttons()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;

        foreach (var question in new[] { "title", "description", "for-whom", "participants", "where", "when", "join" })
        {
            var (response, html) = await client.GetAsync($"/applications/{id}/activity/{question}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Single(H1().Matches(html));
            Assert.Contains("<summary>Wat betekent dit?</summary>", html, StringComparison.Ordinal);
            Assert.Contains("Voorbeeld:", html, StringComparison.Ordinal);
            Assert.Contains("class=\"hint\"", html, StringComparison.Ordinal);
            Assert.Contains("name=\"Then\" value=\"next\"", html, StringComparison.Ordinal);
            Assert.Contains("name=\"Then\" value=\"later\"", html, StringComparison.Ordinal);
            Assert.Contains("data-keep-draft", html, StringComparison.Ordinal);
            Assert.Contains($"data-hx-post=\"/applications/{id}/activity/{question}?handler=Autosave\"", html, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\b(Activity|Answer|Conflict|Application)\.[A-Z]", html); // a missing text shows its key
        }
        var (_, first) = await client.GetAsync($"/applications/{id}/activity/title");
        var (_, description) = await client.GetAsync($"/applications/{id}/activity/description");
        Assert.Contains("U mag antwoorden in elke taal.", first, StringComparison.Ordinal);
        Assert.Contains("Wat gaat u samen doen?", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Save_and_continue_later_saves_and_returns_to_the_task_list()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;

        var (response, _) = await SaveAsync(client, id, "for-whom", [("Input.ForWhom", "Vaders en hun zonen"), ("Then", "later")]);
        var (_, taskList) = await client.GetAsync(response.Headers.Location!.OriginalString);

        Assert.Equal($"/applications/{id}", response.Headers.Location!.OriginalString);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("Vaders en hun zonen", (await db.Applications.SingleAsync()).ForWhom);
        Assert.Contains($"data-draft-saved=\"/applications/{id}/activity/for-whom\"", taskList, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("participants", "Input.Participants", "abc", "Schrijf het aantal als getal, bijvoorbeeld 25.")]
    [InlineData("participants", "Input.Participants", "-3", "Schrijf een aantal tussen 1 en 100.000.")]
    [InlineData("participants", "Input.Participants", "0", "Schrijf een aantal tussen 1 en 100.000.")]
    public async Task A_value_that_cannot_be_saved_comes_back_as_typed_with_a_plain_error(string question, string field, string typed, string error)
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;

        var (response, html) = await SaveAsync(client, id, question, [(field, typed)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(error, html, StringComparison.Ordinal);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{typed}\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var saved = await db.Applications.SingleAsync();
        Assert.Null(saved.ParticipantCount);
        Assert.Null(saved.StartsOn);
    }

    [Fact]
    public async Task An_end_date_before_the_start_keeps_both_dates_and_says_what_is_wrong()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;

        var (response, html) = await SaveAsync(client, id, "when", [.. Date("StartsOn", "14", "6", "2026"), .. Date("EndsOn", "13", "juni", "2026")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("De laatste dag kan niet vóór de eerste dag liggen.", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_StartsOn_Day\" name=\"Input.StartsOn.Day\" value=\"14\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_EndsOn_Month\" name=\"Input.EndsOn.Month\" value=\"juni\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_EndsOn_Day\"", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Null((await db.Applications.SingleAsync()).StartsOn);
    }

    [Theory]
    [InlineData("31", "2", "2026", "Input_StartsOn_Day", "Deze datum bestaat niet. Kijk de dag en de maand na.")]
    [InlineData("14", "13", "2026", "Input_StartsOn_Month", "Schrijf de maand als getal van 1 tot en met 12, of als woord, bijvoorbeeld juni.")]
    [InlineData("14", "6", "", "Input_StartsOn_Year", "Vul ook het jaar in.")]
    [InlineData("١٤", "🙂", "2026", "Input_StartsOn_Month", "Schrijf de maand als getal van 1 tot en met 12, of als woord, bijvoorbeeld juni.")]
    public async Task A_date_that_cannot_be_read_comes_back_as_typed_and_the_error_links_to_the_field_to_mend(
        string day, string month, string year, string field, string error)
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;

        var (response, html) = await SaveAsync(client, id, "when", Date("StartsOn", day, month, year));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<li><a href=\"#{field}\">{error}</a></li>", html, StringComparison.Ordinal);
        Assert.Contains($"name=\"Input.StartsOn.Day\" value=\"{day}\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains($"name=\"Input.StartsOn.Month\" value=\"{month}\"", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains($"id=\"{field}\"", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Matches(html, "aria-invalid=\"true\"").Count);
        await using var db = fixture.Database.NewContext();
        Assert.Null((await db.Applications.SingleAsync()).StartsOn);
    }

    [Fact]
    public async Task Dates_are_saved_from_day_month_and_year_with_the_month_as_a_word_and_shown_again_as_numbers()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;

        var (response, _) = await SaveAsync(client, id, "when", [.. Date("StartsOn", "03", "maart", "2027"), .. Date("EndsOn", "٥", "3", "27")]);
        var (_, again) = await client.GetAsync($"/applications/{id}/activity/when");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = fixture.Database.NewContext();
        var saved = await db.Applications.SingleAsync();
        Assert.Equal(new DateOnly(2027, 3, 3), saved.StartsOn);
        Assert.Equal(new DateOnly(2027, 3, 5), saved.EndsOn);
        Assert.Contains("name=\"Input.StartsOn.Month\" value=\"3\" inputmode=\"numeric\"", again, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.EndsOn.Day\" value=\"5\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"date\"", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autosave_waits_while_a_date_is_half_typed_and_saves_it_once_complete()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;
        var url = $"/applications/{id}/activity/when";
        var (_, page) = await client.GetAsync(url);
        (string, string)[] readAt = [("Version", Hidden(page, "Version")), ("Original", Hidden(page, "Original"))];

        var (halfway, halfwayHtml) = await client.PostAsync($"{url}?handler=Autosave", [.. readAt, .. Date("StartsOn", "14", "", "")], headers: [Htmx]);
        await using (var db = fixture.Database.NewContext()) Assert.Null((await db.Applications.SingleAsync()).StartsOn);
        var (_, doneHtml) = await client.PostAsync($"{url}?handler=Autosave", [.. readAt, .. Date("StartsOn", "14", "6", "2027")], headers: [Htmx]);

        Assert.Equal(HttpStatusCode.OK, halfway.StatusCode);
        Assert.DoesNotContain("field-error", halfwayHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Opgeslagen", halfwayHtml, StringComparison.Ordinal);
        Assert.Contains("Opgeslagen", doneHtml, StringComparison.Ordinal);
        await using var after = fixture.Database.NewContext();
        Assert.Equal(new DateOnly(2027, 6, 14), (await after.Applications.SingleAsync()).StartsOn);
    }

    [Fact]
    public async Task A_title_over_the_limit_is_refused_with_the_limit_and_the_text_is_kept()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;
        var typed = string.Concat(Enumerable.Repeat("Samen koken ", 20));

        var (response, html) = await SaveAsync(client, id, "title", [("Input.Title", typed)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Uw antwoord is te lang. Maak het wat korter. Er passen hooguit 200 tekens in.", html, StringComparison.Ordinal);
        Assert.Contains(typed.Trim(), html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("Kookavond voor moeders", (await db.Applications.SingleAsync()).Title);
    }

    [Fact]
    public async Task Saving_one_answer_keeps_the_other_answers()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation)).Id;

        await SaveAsync(client, id, "participants", [("Input.Participants", "40")]);

        await using var db = fixture.Database.NewContext();
        var saved = await db.Applications.SingleAsync();
        Assert.Equal(40, saved.ParticipantCount);
        Assert.Equal("Kookavond voor moeders", saved.Title);
        Assert.Equal("Zuid/Hatert", saved.Neighbourhood);
        Assert.NotNull(saved.StartsOn);
    }

    // ---- Autosave ----

    [Fact]
    public async Task Autosave_saves_the_answer_and_returns_only_the_status_fragment_with_the_new_version()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;
        var (_, page) = await client.GetAsync($"/applications/{id}/activity/description");

        var (response, html) = await client.PostAsync($"/applications/{id}/activity/description?handler=Autosave",
            [("Input.Description", "Wij dansen samen"), ("Version", Hidden(page, "Version")), ("Original", Hidden(page, "Original"))],
            headers: [Htmx]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<div id=\"autosave-status\"", AfterComment(html), StringComparison.Ordinal);
        Assert.Matches(@"<p class=""hint"" data-status-message>Opgeslagen om \d\d:\d\d</p>", html);
        Assert.Contains($"data-draft-saved=\"/applications/{id}/activity/description\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<h1", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        var saved = await db.Applications.SingleAsync();
        Assert.Equal("Wij dansen samen", saved.Description);
        Assert.Equal(saved.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), Hidden(html, "Version"));
        Assert.Equal("Wij dansen samen", Hidden(html, "Original"));
    }

    [Fact]
    public async Task Autosave_of_a_value_that_cannot_be_saved_answers_200_with_the_error_and_saves_nothing()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;
        var (_, page) = await client.GetAsync($"/applications/{id}/activity/participants");

        var (response, html) = await client.PostAsync($"/applications/{id}/activity/participants?handler=Autosave",
            [("Input.Participants", "veel"), ("Version", Hidden(page, "Version")), ("Original", "")], headers: [Htmx]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<p class=\"field-error\" data-status-message>Schrijf het aantal als getal, bijvoorbeeld 25.</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-draft-saved=\"/", html, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Null((await db.Applications.SingleAsync()).ParticipantCount);
    }

    [Fact]
    public async Task Several_autosaves_from_one_tab_never_conflict_with_each_other()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;
        var (_, html) = await client.GetAsync($"/applications/{id}/activity/join");

        foreach (var typed in new[] { "Posters", "Posters in het", "Posters in het buurthuis" })
        {
            (_, html) = await client.PostAsync($"/applications/{id}/activity/join?handler=Autosave",
                [("Input.HowOthersJoin", typed), ("Version", Hidden(html, "Version")), ("Original", Hidden(html, "Original"))], headers: [Htmx]);
            Assert.Contains("Opgeslagen om", html, StringComparison.Ordinal);
        }

        await using var db = fixture.Database.NewContext();
        Assert.Equal("Posters in het buurthuis", (await db.Applications.SingleAsync()).HowOthersJoin);
    }

    [Fact]
    public async Task Save_and_continue_that_overtakes_this_tabs_own_autosave_is_not_a_conflict()
    {
        // Issue 8 §5.9: the autosave was saved but its answer had not come back when "save and continue" was pressed.
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;
        var url = $"/applications/{id}/activity/description";
        var (_, page) = await client.GetAsync(url);
        (string, string)[] readAt = [("Version", Hidden(page, "Version")), ("Original", Hidden(page, "Original"))];
        await client.PostAsync($"{url}?handler=Autosave", [.. readAt, ("Input.Description", "Samen koken")], headers: [Htmx]);

        var (withoutOwnSave, _) = await client.PostAsync(url, [.. readAt, ("Input.Description", "Samen koken met buren"), ("Then", "next")]);
        var (overtaking, _) = await client.PostAsync(url, [.. readAt, ("Input.Description", "Samen koken met buren"), ("Then", "next"),
            ("OwnSave", $"Version={readAt[0].Item2}&Original=&Input.Description=Samen+koken")]);

        Assert.Equal(HttpStatusCode.Conflict, withoutOwnSave.StatusCode); // what the form cannot know without its own saves
        Assert.Equal(HttpStatusCode.Redirect, overtaking.StatusCode);
        Assert.Equal($"/applications/{id}/activity/for-whom", overtaking.Headers.Location!.OriginalString);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("Samen koken met buren", (await db.Applications.SingleAsync()).Description);
    }

    [Fact]
    public async Task A_date_this_tab_autosaved_is_recognised_as_its_own_save_in_the_three_fields()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;
        var url = $"/applications/{id}/activity/when";
        var (_, page) = await client.GetAsync(url);
        (string, string)[] readAt = [("Version", Hidden(page, "Version")), ("Original", Hidden(page, "Original"))];
        await client.PostAsync($"{url}?handler=Autosave", [.. readAt, .. Date("StartsOn", "14", "6", "2027")], headers: [Htmx]);

        var (overtaking, _) = await client.PostAsync(url, [.. readAt, .. Date("StartsOn", "14", "6", "2027"), .. Date("EndsOn", "15", "6", "2027"),
            ("OwnSave", "Input.StartsOn.Day=14&Input.StartsOn.Month=juni&Input.StartsOn.Year=2027&Input.EndsOn.Day=&Input.EndsOn.Month=&Input.EndsOn.Year=")]);

        Assert.Equal(HttpStatusCode.Redirect, overtaking.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Equal(new DateOnly(2027, 6, 15), (await db.Applications.SingleAsync()).EndsOn);
    }

    [Fact]
    public async Task Another_tabs_save_is_still_a_conflict_even_when_this_tab_autosaved_something_else()
    {
        var (tabA, organisation) = await ApplicantAsync("amina@example.org");
        using var tabB = new FormClient(fixture.Factory);
        await tabB.SignInAsync("amina@example.org", TestAccounts.Password);
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;
        var url = $"/applications/{id}/activity/description";
        var (_, page) = await tabA.GetAsync(url);
        (string, string)[] readAt = [("Version", Hidden(page, "Version")), ("Original", Hidden(page, "Original"))];
        await tabA.PostAsync($"{url}?handler=Autosave", [.. readAt, ("Input.Description", "Samen koken")], headers: [Htmx]);
        var (_, pageB) = await tabB.GetAsync(url);
        var (savedB, _) = await tabB.PostAsync(url, [("Version", Hidden(pageB, "Version")), ("Original", Hidden(pageB, "Original")),
            ("Input.Description", "Voetballen")]);

        var (conflict, _) = await tabA.PostAsync(url, [.. readAt, ("Input.Description", "Samen koken met buren"), ("Then", "next"),
            ("OwnSave", "Input.Description=Samen+koken")]);

        Assert.Equal(HttpStatusCode.Redirect, savedB.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("Voetballen", (await db.Applications.SingleAsync()).Description);
    }

    [Fact]
    public async Task Save_and_continue_with_an_empty_answer_says_what_is_missing_and_later_lets_it_wait()
    {
        // Issue 8 §5.10: the GOV.UK / NL Design System pattern, an error summary linking to the field's own error.
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;

        var (next, html) = await SaveAsync(client, id, "title", [("Input.Title", "  "), ("Then", "next")]);
        var (later, _) = await SaveAsync(client, id, "title", [("Input.Title", ""), ("Then", "later")]);
        var (emptyDates, datesHtml) = await SaveAsync(client, id, "when", [("Then", "next")]);

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains("class=\"error-summary\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_Title\">Vul de naam van uw activiteit in.</a>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"Input_Title-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, emptyDates.StatusCode);
        Assert.Contains("Vul de eerste dag van de activiteit in.", datesHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
        Assert.Equal($"/applications/{id}", later.Headers.Location!.OriginalString);
    }

    // ---- Two tabs ----

    [Fact]
    public async Task A_second_tab_saving_the_same_answer_gets_both_versions_to_choose_from_and_overwrites_nothing()
    {
        var (tabA, organisation) = await ApplicantAsync("amina@example.org");
        using var tabB = new FormClient(fixture.Factory);
        await tabB.SignInAsync("amina@example.org", TestAccounts.Password);
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;
        var url = $"/applications/{id}/activity/title";
        var (_, pageA) = await tabA.GetAsync(url);
        var (_, pageB) = await tabB.GetAsync(url);

        var (savedB, _) = await tabB.PostAsync(url, [("Input.Title", "Kookavond in Hatert"), ("Version", Hidden(pageB, "Version")),
            ("Original", Hidden(pageB, "Original")), ("Then", "next")]);
        var (conflict, conflictHtml) = await tabA.PostAsync(url, [("Input.Title", "Samen koken met moeders"),
            ("Version", Hidden(pageA, "Version")), ("Original", Hidden(pageA, "Original")), ("Then", "next")]);

        Assert.Equal(HttpStatusCode.Redirect, savedB.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains("Dit antwoord is ook ergens anders veranderd", conflictHtml, StringComparison.Ordinal);
        Assert.Matches(@"De opgeslagen versie</h3>\s*<p class=""answer-text"" dir=""auto"">Kookavond in Hatert</p>", conflictHtml);
        Assert.Matches(@"Uw versie</h3>\s*<p class=""answer-text"" dir=""auto"">Samen koken met moeders</p>", conflictHtml);
        Assert.Contains("value=\"Samen koken met moeders\"", conflictHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"#Conflict\"", conflictHtml, StringComparison.Ordinal);
        await using (var db = fixture.Database.NewContext())
            Assert.Equal("Kookavond in Hatert", (await db.Applications.SingleAsync()).Title);

        var (keptMine, _) = await tabA.PostAsync(url, [("Input.Title", "Samen koken met moeders"), ("Version", Hidden(pageA, "Version")),
            ("Original", Hidden(pageA, "Original")), ("ConflictVersion", Hidden(conflictHtml, "ConflictVersion")), ("Resolve", "mine")]);

        Assert.Equal(HttpStatusCode.Redirect, keptMine.StatusCode);
        await using (var db = fixture.Database.NewContext())
            Assert.Equal("Samen koken met moeders", (await db.Applications.SingleAsync()).Title);
    }

    [Fact]
    public async Task Keeping_the_saved_version_after_a_conflict_changes_nothing_and_shows_the_saved_answer()
    {
        var (tabA, organisation) = await ApplicantAsync("amina@example.org");
        using var tabB = new FormClient(fixture.Factory);
        await tabB.SignInAsync("amina@example.org", TestAccounts.Password);
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;
        var url = $"/applications/{id}/activity/for-whom";
        var (_, pageA) = await tabA.GetAsync(url);
        await tabB.SubmitAsync(url, ("Input.ForWhom", "Tieners uit Lindenholt"), ("Version", "0"), ("Original", ""));
        var (_, conflictHtml) = await tabA.PostAsync($"{url}?handler=Autosave", [("Input.ForWhom", "Ouderen"),
            ("Version", Hidden(pageA, "Version")), ("Original", Hidden(pageA, "Original"))], headers: [Htmx]);

        var (kept, _) = await tabA.PostAsync(url, [("Input.ForWhom", "Ouderen"), ("Resolve", "theirs"),
            ("ConflictVersion", Hidden(conflictHtml, "ConflictVersion"))]);
        var (_, reloaded) = await tabA.GetAsync(url);

        Assert.StartsWith("<div id=\"autosave-status\"", AfterComment(conflictHtml), StringComparison.Ordinal);
        Assert.Contains("name=\"Resolve\" value=\"mine\"", conflictHtml, StringComparison.Ordinal);
        Assert.Contains("name=\"Resolve\" value=\"theirs\"", conflictHtml, StringComparison.Ordinal);
        Assert.Equal(url, kept.Headers.Location!.OriginalString);
        Assert.Contains(">Tieners uit Lindenholt</textarea>", reloaded, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("Tieners uit Lindenholt", (await db.Applications.SingleAsync()).ForWhom);
    }

    [Fact]
    public async Task Two_tabs_answering_different_questions_both_keep_their_answers()
    {
        var (tabA, organisation) = await ApplicantAsync("amina@example.org");
        using var tabB = new FormClient(fixture.Factory);
        await tabB.SignInAsync("amina@example.org", TestAccounts.Password);
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;
        var (_, pageA) = await tabA.GetAsync($"/applications/{id}/activity/participants");
        var (_, pageB) = await tabB.GetAsync($"/applications/{id}/activity/where");

        var (savedB, _) = await tabB.PostAsync($"/applications/{id}/activity/where",
            [("Input.Neighbourhood", "Dukenburg"), ("Version", Hidden(pageB, "Version")), ("Original", Hidden(pageB, "Original"))]);
        var (savedA, _) = await tabA.PostAsync($"/applications/{id}/activity/participants",
            [("Input.Participants", "30"), ("Version", Hidden(pageA, "Version")), ("Original", Hidden(pageA, "Original"))]);

        Assert.Equal(HttpStatusCode.Redirect, savedB.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, savedA.StatusCode);
        await using var db = fixture.Database.NewContext();
        var saved = await db.Applications.SingleAsync();
        Assert.Equal("Dukenburg", saved.Neighbourhood);
        Assert.Equal(30, saved.ParticipantCount);
        Assert.Equal("Kookavond voor moeders", saved.Title);
    }

    // ---- Nothing lost after an expired session (the server side of keep-draft in site.js) ----

    [Fact]
    public async Task A_plain_save_after_the_session_expired_sends_to_sign_in_and_back_to_the_same_question()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;
        using var expired = new FormClient(fixture.Factory);

        var (response, _) = await expired.PostAsync($"/applications/{id}/activity/description", [("Input.Description", "Wij dansen")], withToken: false);
        var (autosave, body) = await expired.PostAsync($"/applications/{id}/activity/description?handler=Autosave",
            [("Input.Description", "Wij dansen")], withToken: false,
            Htmx, ("HX-Current-URL", $"http://localhost/applications/{id}/activity/description"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/sign-in?ReturnUrl=%2Fapplications%2F{id}%2Factivity%2Fdescription",
            response.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, autosave.StatusCode);
        Assert.Equal($"/account/sign-in?ReturnUrl=%2Fapplications%2F{id}%2Factivity%2Fdescription", autosave.Headers.GetValues("HX-Redirect").Single());
        Assert.Equal("", body);
        var (_, page) = await client.GetAsync($"/applications/{id}/activity/description");
        Assert.Contains("data-draft-restored hidden", page, StringComparison.Ordinal);
        Assert.Contains("Wij hebben de tekst teruggezet die u had getypt.", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_after_a_plain_save_tells_the_browser_it_may_forget_its_copy_of_the_typed_text()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;

        var (response, _) = await SaveAsync(client, id, "title", [("Input.Title", "Voetbaldag")]);
        var (_, next) = await client.GetAsync(response.Headers.Location!.OriginalString);
        var (_, later) = await client.GetAsync(response.Headers.Location!.OriginalString);

        Assert.Contains($"data-draft-saved=\"/applications/{id}/activity/title\"", next, StringComparison.Ordinal);
        Assert.DoesNotContain("data-draft-saved=\"/", later, StringComparison.Ordinal);
    }

    // ---- Access, forged fields, sent applications ----

    [Fact]
    public async Task Another_organisations_application_is_not_found_on_every_page_and_handler()
    {
        var (_, theirs) = await ApplicantAsync("other@example.org", "Jongeren Dukenburg");
        var draft = await TestApplications.DraftAsync(fixture.Database, theirs);
        var (client, _) = await ApplicantAsync("amina@example.org");

        foreach (var url in new[] { $"/applications/{draft.Id}", $"/applications/{draft.Id}/activity/title", $"/applications/{draft.Id}/budget" })
        {
            var (get, _) = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        }
        var (_, own) = await client.GetAsync("/applications/start?scheme=samen-doen");
        var (post, _) = await client.PostAsync($"/applications/{draft.Id}/activity/title", [("Input.Title", "Gekaapt")]);
        var (autosave, _) = await client.PostAsync($"/applications/{draft.Id}/activity/title?handler=Autosave", [("Input.Title", "Gekaapt")], headers: [Htmx]);

        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, autosave.StatusCode);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("Kookavond voor moeders", (await db.Applications.SingleAsync(a => a.Id == draft.Id)).Title);
    }

    [Theory]
    [InlineData("/applications/start?scheme=samen-doen")]
    [InlineData("/applications/00000000-0000-0000-0000-000000000001")]
    [InlineData("/applications/00000000-0000-0000-0000-000000000001/activity/title")]
    [InlineData("/applications/00000000-0000-0000-0000-000000000001/budget")]
    public async Task An_anonymous_visitor_is_sent_to_sign_in(string url)
    {
        using var client = new FormClient(fixture.Factory);

        var (response, _) = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posting_fields_the_form_does_not_offer_changes_nothing_but_the_answer()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var id = (await TestApplications.DraftAsync(fixture.Database, organisation, complete: false)).Id;

        await SaveAsync(client, id, "title", [("Input.Title", "Buurtfeest"), ("Status", "Granted"), ("Reference", "NIJ-2026-99999"),
            ("RequestedCents", "999999"), ("OwnContributionCents", "-500"), ("Application.Status", "Granted"), ("Input.Status", "Granted"),
            ("OrganisationId", Guid.NewGuid().ToString()), ("AnswerLanguage", "xx")]);

        await using var db = fixture.Database.NewContext();
        var saved = await db.Applications.SingleAsync();
        Assert.Equal("Buurtfeest", saved.Title);
        Assert.Equal(ApplicationStatus.Draft, saved.Status);
        Assert.Null(saved.Reference);
        Assert.Equal(0, saved.OwnContributionCents);
        Assert.Equal(organisation.Id, saved.OrganisationId);
        Assert.Equal("nl", saved.AnswerLanguage);
    }

    [Fact]
    public async Task A_sent_application_shows_its_answers_read_only_with_a_link_to_its_status_and_refuses_changes()
    {
        var (client, organisation) = await ApplicantAsync("amina@example.org");
        var sent = await TestApplications.SubmittedAsync(fixture.Database, organisation);

        var (get, html) = await client.GetAsync($"/applications/{sent.Id}/activity/title");
        var (post, postHtml) = await client.PostAsync($"/applications/{sent.Id}/activity/title", [("Input.Title", "Nieuw")]);
        var (autosave, fragment) = await client.PostAsync($"/applications/{sent.Id}/activity/title?handler=Autosave", [("Input.Title", "Nieuw")], headers: [Htmx]);

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Contains("U hebt deze aanvraag al verstuurd.", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/applications/{sent.Id}/status\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<form method=\"post\" novalidate>", html, StringComparison.Ordinal);
        Assert.Contains("Kookavond voor moeders", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
        Assert.Contains("U hebt deze aanvraag al verstuurd.", postHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, autosave.StatusCode);
        Assert.Contains("U hebt deze aanvraag al verstuurd.", fragment, StringComparison.Ordinal);
        await using var db = fixture.Database.NewContext();
        Assert.Equal("Kookavond voor moeders", (await db.Applications.SingleAsync()).Title);
    }

    // ---- Helpers ----

    private Task<(FormClient Client, Organisation Organisation)> ApplicantAsync(string email, string organisationName = "Moedergroep Hatert") =>
        fixture.SignedInApplicantAsync(email, organisationName);

    /// <summary>Opens the question page (as a browser would) and posts its form with its hidden fields and the given values.</summary>
    /// <summary>The three fields of one date on the "when" page, as the browser posts them.</summary>
    private static (string, string)[] Date(string date, string day, string month, string year) =>
        [($"Input.{date}.Day", day), ($"Input.{date}.Month", month), ($"Input.{date}.Year", year)];

    private static async Task<(HttpResponseMessage Response, string Html)> SaveAsync(FormClient client, Guid id, string question,
        (string, string)[] fields)
    {
        var url = $"/applications/{id}/activity/{question}";
        var (_, page) = await client.GetAsync(url);
        var all = new List<(string, string)> { ("Version", Hidden(page, "Version")), ("Original", Hidden(page, "Original")) };
        all.AddRange(fields);
        return await client.PostAsync(url, all.ToArray());
    }

    internal static string Hidden(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"") is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No hidden field {name} in:\n{html}");

    internal static string AfterComment(string html) => html.TrimStart().StartsWith("<div", StringComparison.Ordinal)
        ? html.TrimStart()
        : html[(html.IndexOf("-->", StringComparison.Ordinal) is var end and >= 0 ? end + 3 : 0)..].TrimStart();

    [GeneratedRegex("<h1[ >]")]
    private static partial Regex H1();
}
