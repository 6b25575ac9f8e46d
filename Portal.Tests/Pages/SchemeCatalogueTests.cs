using System.Net;
using System.Text.RegularExpressions;
using Portal.Data;
using Portal.Domain.Money;
using Portal.Domain.Schemes;
using Portal.Pages.Schemes;
using Portal.Tests.Infrastructure;
using Portal.Tests.Localization;

namespace Portal.Tests.Pages;

/// <summary>Journey A.1–A.2: the scheme catalogue, a scheme's page and the anonymous quick check.</summary>
[Collection(Db.Organisations)]
public sealed partial class SchemeCatalogueTests(DatabaseFixture fixture) : IAsyncLifetime
{
    private static readonly DateOnly Today = SchemeCatalogue.Today(TimeProvider.System);
    private static readonly string[] DutchMonths =
        ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    private static readonly string[] ArabicMonths =
        ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];

    /// <summary>"31 december 2026": the closing date of a demo scheme seeded today, written out by hand.</summary>
    private static string Closes(string slug, string[] months)
    {
        var day = DemoSchemes.ClosesOn(slug, Today);
        return $"{day.Day} {months[day.Month - 1]} {day.Year}";
    }

    public async Task InitializeAsync()
    {
        await fixture.Database.ResetAsync();
        await using var db = fixture.Database.NewContext();
        await DemoData.SeedSchemesAsync(db, TimeProvider.System);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_catalogue_lists_each_open_scheme_with_amounts_who_may_apply_and_deadline_in_Dutch()
    {
        await using (var db = fixture.Database.NewContext())
        {
            db.Schemes.Add(new Scheme("al-gesloten", Money.FromEuros(100), Money.FromEuros(500), Money.FromEuros(500),
                DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-2), 8, informalGroupsWelcome: true, Money.FromEuros(1_000)));
            await db.SaveChangesAsync();
        }
        using var client = new FormClient(fixture.Factory);

        var (response, raw) = await client.GetAsync("/schemes");
        var html = Text(raw);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Geld voor uw activiteit: de regelingen</h1>", html, StringComparison.Ordinal);
        Assert.Equal(3, Regex.Count(raw, "<li class=\"card\" data-scheme="));
        Assert.DoesNotContain("al-gesloten", html, StringComparison.Ordinal);
        Assert.Contains("voorbeeldbedragen", html, StringComparison.Ordinal);
        var samenDoen = Card(html, "samen-doen");
        Assert.Contains("Kleine subsidie Samen Doen", samenDoen, StringComparison.Ordinal);
        Assert.Contains("€ 100 tot € 2.500", samenDoen, StringComparison.Ordinal);
        Assert.Contains("Informele groepen zijn welkom.", samenDoen, StringComparison.Ordinal);
        Assert.Contains(Closes(DemoSchemes.SamenDoen, DutchMonths), samenDoen, StringComparison.Ordinal);
        Assert.Contains("href=\"/schemes/samen-doen\"", samenDoen, StringComparison.Ordinal);
        var themas = Card(html, "themabijeenkomsten");
        Assert.Contains("Themabijeenkomsten integratie en participatie", themas, StringComparison.Ordinal);
        Assert.Contains("€ 500 tot € 7.500", themas, StringComparison.Ordinal);
        Assert.Contains(Closes(DemoSchemes.Themabijeenkomsten, DutchMonths), themas, StringComparison.Ordinal);
        var mantelzorg = Card(html, "mantelzorg-ontmoeting");
        Assert.Contains("Mantelzorg en ontmoeting", mantelzorg, StringComparison.Ordinal);
        Assert.Contains("€ 250 tot € 5.000", mantelzorg, StringComparison.Ordinal);
        Assert.Contains(Closes(DemoSchemes.Mantelzorg, DutchMonths), mantelzorg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_catalogue_reads_in_Arabic_right_to_left_with_amounts_as_everywhere_isolated_left_to_right()
    {
        using var client = new FormClient(fixture.Factory);
        await client.SubmitAsync("/language", ("code", "ar"), ("returnUrl", "/schemes"));

        var (_, raw) = await client.GetAsync("/schemes");
        var html = Text(raw);

        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
        Assert.Contains("<h1>تمويل لنشاطكم: برامج الدعم</h1>", html, StringComparison.Ordinal);
        var samenDoen = Card(html, "samen-doen");
        Assert.Contains("منحة صغيرة «معًا»", samenDoen, StringComparison.Ordinal);
        Assert.Contains("من € 100 إلى € 2.500", samenDoen, StringComparison.Ordinal);
        // Issue 8, 5.4: "2٬500 €" was misread; the amount is "€ 2.500" in every language, isolated so it stays in that order.
        Assert.Contains("\u2066€\u00A02.500\u2069", WebUtility.HtmlDecode(raw), StringComparison.Ordinal);
        Assert.Contains("المجموعات غير الرسمية مرحّب بها.", samenDoen, StringComparison.Ordinal);
        Assert.Contains(Closes(DemoSchemes.SamenDoen, ArabicMonths), samenDoen, StringComparison.Ordinal);
        Assert.Contains("من € 500 إلى € 7.500", Card(html, "themabijeenkomsten"), StringComparison.Ordinal);
        Assert.Contains(Closes(DemoSchemes.Mantelzorg, ArabicMonths), Card(html, "mantelzorg-ontmoeting"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scheme_page_says_what_is_needed_at_which_amount_who_may_apply_the_criteria_and_when_you_hear()
    {
        using var client = new FormClient(fixture.Factory);

        var (response, raw) = await client.GetAsync("/schemes/samen-doen");
        var html = Text(raw);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Kleine subsidie Samen Doen</h1>", html, StringComparison.Ordinal);
        Assert.Contains("U kunt € 100 tot € 2.500 vragen. Dit zijn voorbeeldbedragen.", html, StringComparison.Ordinal);
        Assert.Contains("Informele groepen zijn welkom.", html, StringComparison.Ordinal);
        Assert.Contains("KvK (Kamer van Koophandel)", html, StringComparison.Ordinal);
        Assert.Contains("penvoerder (een organisatie die het geld voor u ontvangt en beheert)", html, StringComparison.Ordinal);
        Assert.Contains("Vraagt u € 1.000 of minder? Dan hoeft u niets mee te sturen.", html, StringComparison.Ordinal);
        Assert.Contains("Vraagt u meer dan € 1.000? Dan hebben wij ook dit nodig:", html, StringComparison.Ordinal);
        Assert.Contains("een begroting (", html, StringComparison.Ordinal);
        Assert.Contains("een activiteitenplan (", html, StringComparison.Ordinal);
        Assert.Equal(4, Regex.Count(Between(html, "<h2>Waar letten wij op?</h2>", "</ol>"), "<li>"));
        Assert.Contains("U hoort binnen 8 weken of u het geld krijgt.", html, StringComparison.Ordinal);
        Assert.Contains($"U kunt aanvragen tot en met {Closes(DemoSchemes.SamenDoen, DutchMonths)}.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/schemes/samen-doen/check/1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/applications/start?scheme=samen-doen\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/schemes/bestaat-niet")]
    [InlineData("/schemes/bestaat-niet/check/1")]
    [InlineData("/schemes/bestaat-niet/check/result")]
    [InlineData("/schemes/samen-doen/check/0")]
    [InlineData("/schemes/samen-doen/check/6")]
    public async Task An_unknown_scheme_or_question_is_not_found(string url)
    {
        using var client = new FormClient(fixture.Factory);

        var (response, _) = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task The_quick_check_is_walked_page_by_page_without_an_account_and_ends_with_yes()
    {
        using var client = new FormClient(fixture.Factory);

        var (first, html) = await client.GetAsync("/schemes/samen-doen/check/1");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        for (var n = 1; n <= 5; n++)
        {
            Assert.Contains($"Vraag {n} van 5", html, StringComparison.Ordinal);
            Assert.Matches("<legend><h1>[^<]+\\?</h1></legend>", html);
            Assert.Contains("<summary>Wat betekent dit?</summary>", html, StringComparison.Ordinal);
            (_, html) = await AnswerAsync(url => client.GetAsync(url), html, "yes");
        }

        Assert.Contains("<h1>U kunt waarschijnlijk aanvragen</h1>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/applications/start?scheme=samen-doen\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/account/register\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("U antwoordde", Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_quick_check_needs_no_cookie_at_all()
    {
        using var http = fixture.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        async Task<(HttpResponseMessage, string)> Get(string url)
        {
            var response = await http.GetAsync(url);
            return (response, await response.Content.ReadAsStringAsync());
        }

        var (_, html) = await Get("/schemes/themabijeenkomsten/check/1");
        foreach (var answer in new[] { "yes", "no", "yes", "yes" })
            (_, html) = await AnswerAsync(Get, html, answer);

        Assert.Contains("<h1>Deze regeling past niet bij uw plan</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Organiseert u een of meer bijeenkomsten over een thema?", Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Going_on_without_an_answer_shows_a_plain_error_and_keeps_the_earlier_answers()
    {
        using var client = new FormClient(fixture.Factory);
        var (_, html) = await client.GetAsync("/schemes/samen-doen/check/1");
        (_, html) = await AnswerAsync(url => client.GetAsync(url), html, "yes");
        (_, html) = await AnswerAsync(url => client.GetAsync(url), html, "dontknow");

        var (response, withError) = await AnswerAsync(url => client.GetAsync(url), html, null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Vraag 3 van 5", withError, StringComparison.Ordinal);
        Assert.Contains("class=\"error-summary\"", withError, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#OpenToOthers\">Kies ja, nee of weet ik niet.</a>", withError, StringComparison.Ordinal);
        Assert.Contains("id=\"OpenToOthers\"", withError, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"InNijmegen\" value=\"yes\">", withError, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"Together\" value=\"dontknow\">", withError, StringComparison.Ordinal);
        Assert.Contains("href=\"/schemes/samen-doen/check/2?InNijmegen=yes&amp;Together=dontknow\"", withError, StringComparison.Ordinal);

        var (_, after) = await AnswerAsync(url => client.GetAsync(url), withError, "yes");
        Assert.Contains("Vraag 4 van 5", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Going_back_shows_the_earlier_answer_chosen()
    {
        using var client = new FormClient(fixture.Factory);

        var (_, html) = await client.GetAsync("/schemes/samen-doen/check/1?InNijmegen=no&Together=yes");

        Assert.Matches("<input type=\"radio\" id=\"InNijmegen-no\" name=\"InNijmegen\" value=\"no\" checked=\"checked\">", html);
        Assert.Contains("href=\"/schemes/samen-doen\"", html, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string, string, string> Outcomes() => new()
    {
        // scheme, answers, h1, the sentence naming the answer, the question it names
        { "samen-doen", "InNijmegen=yes&Together=yes&OpenToOthers=no&NoProfit=yes&NotStarted=yes", "Misschien kunt u aanvragen",
            "U antwoordde 'nee' op deze vraag:", "Mogen ook andere mensen meedoen?" },
        { "samen-doen", "InNijmegen=dontknow&Together=yes&OpenToOthers=yes&NoProfit=yes&NotStarted=yes", "Misschien kunt u aanvragen",
            "U antwoordde 'weet ik niet' op deze vraag:", "Is uw activiteit in Nijmegen?" },
        { "samen-doen", "InNijmegen=yes&Together=no&OpenToOthers=no&NoProfit=yes&NotStarted=dontknow", "Deze regeling past niet bij uw plan",
            "U antwoordde 'nee' op deze vraag:", "Organiseert u de activiteit samen met anderen?" },
        { "mantelzorg-ontmoeting", "InNijmegen=yes&ForCarers=no&Meeting=yes&NoProfit=yes", "Deze regeling past niet bij uw plan",
            "U antwoordde 'nee' op deze vraag:", "Is de activiteit voor mantelzorgers?" },
    };

    [Theory]
    [MemberData(nameof(Outcomes))]
    public async Task The_outcome_names_the_deciding_answer_and_offers_a_next_step(string slug, string answers, string title, string decided, string question)
    {
        using var client = new FormClient(fixture.Factory);

        var (response, raw) = await client.GetAsync($"/schemes/{slug}/check/result?{answers}");
        var html = Text(raw);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<h1>{title}</h1>", html, StringComparison.Ordinal);
        Assert.Matches($"{Regex.Escape(decided)}\\s*<strong>{Regex.Escape(question)}</strong>", html);
        Assert.Contains("href=\"/help/ask?from=", Between(html, "<h2>Wat kunt u nu doen?</h2>", "<h2>Uw antwoorden</h2>"), StringComparison.Ordinal);
        Assert.Contains($"href=\"/schemes/{slug}/check/1?{answers.Replace("&", "&amp;", StringComparison.Ordinal)}\"", raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changing_one_answer_on_the_result_returns_to_the_result_with_the_other_answers_kept()
    {
        using var client = new FormClient(fixture.Factory);
        const string all = "InNijmegen=yes&Together=yes&OpenToOthers=yes&NoProfit=yes&NotStarted=yes";
        var (_, result) = await client.GetAsync($"/schemes/samen-doen/check/result?{all}");
        var change = WebUtility.HtmlDecode(Regex.Match(result, "href=\"(/schemes/samen-doen/check/2\\?[^\"]+)\"").Groups[1].Value);

        var (_, question) = await client.GetAsync(change);
        var visited = new List<string>();
        var (_, after) = await AnswerAsync(url => { visited.Add(url); return client.GetAsync(url); }, question, "no");

        Assert.Contains("<h1>Organiseert u de activiteit samen met anderen?</h1>", Text(question), StringComparison.Ordinal);
        Assert.Contains($"href=\"/schemes/samen-doen/check/result?{all.Replace("&", "&amp;", StringComparison.Ordinal)}\"", question, StringComparison.Ordinal);
        Assert.Contains("Bekijk de uitkomst", question, StringComparison.Ordinal);
        Assert.Equal("/schemes/samen-doen/check/result?InNijmegen=yes&Together=no&OpenToOthers=yes&NoProfit=yes&NotStarted=yes", visited[^1]);
        Assert.Contains("<h1>Deze regeling past niet bij uw plan</h1>", Text(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_this_scheme_points_to_the_other_schemes_and_to_a_host_organisation_when_the_group_is_missing()
    {
        using var client = new FormClient(fixture.Factory);

        var (_, raw) = await client.GetAsync("/schemes/samen-doen/check/result?InNijmegen=yes&Together=no&OpenToOthers=yes&NoProfit=yes&NotStarted=yes");
        var next = Between(Text(raw), "<h2>Wat kunt u nu doen?</h2>", "<h2>Uw antwoorden</h2>");

        Assert.Contains("href=\"/schemes/themabijeenkomsten\"", next, StringComparison.Ordinal);
        Assert.Contains("href=\"/schemes/mantelzorg-ontmoeting\"", next, StringComparison.Ordinal);
        Assert.Contains("<h3>Samen met een organisatie aanvragen</h3>", next, StringComparison.Ordinal);
        Assert.Contains("penvoerder (", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_this_scheme_does_not_offer_schemes_that_would_refuse_on_the_same_answer()
    {
        using var client = new FormClient(fixture.Factory);

        var (_, raw) = await client.GetAsync("/schemes/themabijeenkomsten/check/result?InNijmegen=no&Meeting=yes&ForNewcomers=yes&NoProfit=yes");
        var next = Between(Text(raw), "<h2>Wat kunt u nu doen?</h2>", "<h2>Uw antwoorden</h2>");

        Assert.Contains("Deze regeling is alleen voor Nijmegen.", next, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/schemes/samen-doen\"", next, StringComparison.Ordinal);
        Assert.DoesNotContain("Samen met een organisatie aanvragen", next, StringComparison.Ordinal);
        Assert.Contains("href=\"/help/ask?from=", next, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_outcome_of_an_unfinished_check_sends_you_to_the_first_open_question()
    {
        using var client = new FormClient(fixture.Factory);

        var (response, _) = await client.GetAsync("/schemes/samen-doen/check/result?InNijmegen=yes&Together=yes&NoProfit=yes");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/schemes/samen-doen/check/3?InNijmegen=yes&Together=yes&NoProfit=yes", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Switching_language_during_the_check_keeps_the_answers()
    {
        using var client = new FormClient(fixture.Factory);
        const string question2 = "/schemes/samen-doen/check/2?InNijmegen=yes";
        await client.GetAsync(question2);

        var (switched, _) = await client.PostAsync("/language", [("code", "ar"), ("returnUrl", question2)]);
        var (_, html) = await client.GetAsync(switched.Headers.Location!.OriginalString);

        Assert.Equal(question2, switched.Headers.Location.OriginalString);
        Assert.Contains("<h1>هل تنظّمون النشاط مع آخرين؟</h1>", html, StringComparison.Ordinal);
        Assert.Contains("السؤال 2 من 5", html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"InNijmegen\" value=\"yes\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SchemeText.resx")]
    [InlineData("SchemeText.en.resx")]
    [InlineData("SchemeText.ar.resx")]
    public void Every_demo_scheme_has_its_texts_criteria_and_quick_check_questions_in_each_language(string file)
    {
        var texts = ResourceFilesTests.Read(file);
        var missing = new List<string>();
        foreach (var scheme in DemoSchemes.Create(Today))
        {
            var slug = scheme.Slug;
            var keys = new[] { "Name", "Summary", "Purpose", "Example", "Who", "Criterion.1", "Criterion.2", "Criterion.3" }
                .Select(k => $"Scheme.{slug}.{k}")
                .Concat(DemoSchemes.QuickCheckFor(slug).SelectMany(q =>
                    new[] { "", ".Hint", ".Help", ".Advice" }.Select(suffix => $"Scheme.{slug}.Check.{q.Key}{suffix}")));
            missing.AddRange(keys.Where(k => !texts.TryGetValue(k, out var value) || string.IsNullOrWhiteSpace(value)));
        }

        Assert.True(missing.Count == 0, $"Missing in {file}: {string.Join(", ", missing)}");
    }

    /// <summary>Sends the quick-check form on this page the way a browser without JavaScript does (a GET with its
    /// hidden fields and the chosen radio button), and follows the redirect to the next page.</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> AnswerAsync(
        Func<string, Task<(HttpResponseMessage, string)>> get, string html, string? answer)
    {
        var form = CheckForm().Match(html);
        Assert.True(form.Success, "No quick-check form on the page");
        var fields = HiddenField().Matches(form.Value).Select(m => (Name: m.Groups["name"].Value, Value: m.Groups["value"].Value)).ToList();
        if (answer is not null) fields.Add((RadioName().Match(form.Value).Groups["name"].Value, answer));
        var url = WebUtility.HtmlDecode(form.Groups["action"].Value) + "?" +
                  string.Join("&", fields.Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(WebUtility.HtmlDecode(f.Value))}"));
        var (response, page) = await get(url);
        return response.StatusCode == HttpStatusCode.Redirect ? await get(response.Headers.Location!.OriginalString) : (response, page);
    }

    /// <summary>The page as a reader sees the characters: entities decoded, no-break spaces as spaces.</summary>
    /// <summary>The page as read: entities decoded, no-break spaces as spaces and without the isolates around amounts and dates.</summary>
    private static string Text(string html) =>
        Portal.Domain.Common.Bidi.WithoutControls(WebUtility.HtmlDecode(html)).Replace('\u00A0', ' ').Replace('\u202F', ' ');

    private static string Card(string html, string slug) => Between(html, $"data-scheme=\"{slug}\"", "</li>");

    private static string Between(string html, string start, string end)
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' not found");
        var to = html.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        return html[from..(to < 0 ? html.Length : to)];
    }

    [GeneratedRegex("<form method=\"get\" action=\"(?<action>[^\"]+)\"[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex CheckForm();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\">")]
    private static partial Regex HiddenField();

    [GeneratedRegex("<input type=\"radio\" id=\"[^\"]+\" name=\"(?<name>[^\"]+)\"")]
    private static partial Regex RadioName();
}
