using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Decisions;
using Portal.Decisions.Pdf;
using Portal.Domain.Accounts;
using Portal.Domain.Applications;
using Portal.Domain.Assessment;
using Portal.Domain.Decisions;
using Portal.Domain.Organisations;
using Portal.Domain.Terms;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Decisions;

[CollectionDefinition(DecisionLetterTests.Collection)]
public sealed class DecisionLettersCollection : ICollectionFixture<DatabaseFixture>;

/// <summary>
/// Issue 12 point 2: the letter of every kind of decision in plain Dutch, the outcome first, the reasons, the rules, what the
/// group must do, the payment and the last day to object written out — with the summary in Arabic that says the Dutch counts;
/// and the PDF, whose text is read back as a reader would.
/// </summary>
[Collection(Collection)]
public sealed class DecisionLetterTests(DatabaseFixture fixture) : IAsyncLifetime
{
    public const string Collection = "db: decision letters";

    /// <summary>Tuesday 1 December 2026: six weeks from the day after is Tuesday 12 January 2027 (a working day).</summary>
    private static readonly DateTimeOffset SentOnTuesday = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    public Task InitializeAsync() => fixture.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_small_grant_says_the_amount_first_is_final_at_once_and_names_the_last_day_to_object_with_an_Arabic_summary()
    {
        var decision = await DecisionAsync(new(SentAt: SentOnTuesday));
        Assert.Equal(DecisionKind.DirectVaststelling, decision.Kind);

        var letter = await LetterAsync(decision, "ar");
        var dutch = Dutch(letter);

        Assert.Equal("U krijgt € 1.800 voor Kookavond voor moeders.", Plain(letter.Summary[0].Text));
        Assert.Contains("Dit bedrag staat meteen vast.", dutch, StringComparison.Ordinal);
        Assert.Contains("Dank u wel daarvoor.", dutch, StringComparison.Ordinal);
        Assert.Contains("Uw activiteit past goed bij het doel van deze regeling.", dutch, StringComparison.Ordinal);
        Assert.Contains(TestDecisions.Feedback, dutch, StringComparison.Ordinal);
        Assert.Contains("regeling Kleine subsidie Samen Doen en de Nijmeegse Kaderverordening Subsidies 2019", dutch, StringComparison.Ordinal);
        Assert.Contains("directe vaststelling (het bedrag staat meteen vast)", dutch, StringComparison.Ordinal);
        Assert.Contains("Wij maken € 1.800 over naar Stichting Buurtwerk Zuid.", dutch, StringComparison.Ordinal);
        Assert.Contains("binnen 4 weken", dutch, StringComparison.Ordinal);
        Assert.Contains("Uw brief moet uiterlijk op dinsdag 12 januari 2027 bij ons zijn.", dutch, StringComparison.Ordinal);
        Assert.Contains("6 weken", dutch, StringComparison.Ordinal);
        Assert.DoesNotContain("Wat u moet doen", dutch, StringComparison.Ordinal);
        PlainDutch(letter);

        var arabic = Arabic(letter);
        Assert.Equal("ar", letter.Translation!.Language);
        Assert.True(letter.Translation.RightToLeft);
        Assert.Contains("ستحصلون على € 1.800", arabic, StringComparison.Ordinal);
        Assert.Contains("الرسالة الهولندية وحدها هي الرسمية", arabic, StringComparison.Ordinal);
        Assert.Contains("12 يناير 2027", arabic, StringComparison.Ordinal);
        // The reasons we chose, in Arabic too (their templates exist in every language).
        Assert.Contains("السبب:", arabic, StringComparison.Ordinal);
        Assert.Equal(2, letter.Translation.Blocks.Count(b => b.IsItem));
    }

    [Fact]
    public async Task A_verlening_writes_out_the_activities_amount_obligations_end_date_and_that_a_short_report_is_due()
    {
        // This scheme settles up to € 1,000 at once: € 1,800 is granted on conditions and settled later.
        var decision = await DecisionAsync(new(SentAt: SentOnTuesday, DirectUpToEuros: 1_000));
        Assert.Equal(DecisionKind.Verlening, decision.Kind);

        var letter = await LetterAsync(decision, "ar");
        var dutch = Dutch(letter);

        Assert.Contains("U krijgt het geld op voorwaarden. Na de activiteit stuurt u een kort verslag.", dutch, StringComparison.Ordinal);
        Assert.Contains("Activiteit: Kookavond voor moeders", dutch, StringComparison.Ordinal);
        Assert.Contains("Bedrag: € 1.800", dutch, StringComparison.Ordinal);
        Assert.Contains("subsidieverlening (u krijgt het geld op voorwaarden)", dutch, StringComparison.Ordinal);
        var obligations = letter.Sections.Single(s => s.Heading == "Wat u moet doen");
        Assert.Equal(Decision.VerleningObligations.Count, obligations.Blocks.Count(b => b.IsItem));
        Assert.Contains("U bewaart de bonnetjes.", dutch, StringComparison.Ordinal);
        Assert.Contains($"Uw activiteit is klaar op {Plain(DecisionLetters.LongDate(decision.ActivityEndsOn!.Value, CultureInfo.GetCultureInfo("nl")))}.",
            dutch, StringComparison.Ordinal);
        Assert.Contains(Plain(DecisionLetters.LongDate(decision.VaststellingDueOn!.Value, CultureInfo.GetCultureInfo("nl"))), dutch, StringComparison.Ordinal);
        Assert.DoesNotContain("Dit bedrag staat meteen vast", dutch, StringComparison.Ordinal);
        PlainDutch(letter);
        Assert.Contains("تحصلون على المال بشروط", Arabic(letter), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partial_grant_refuses_the_rest_and_names_each_cut_with_its_reason()
    {
        var decision = await DecisionAsync(new(ProposedOutcome.PartialGrant, CutEuros: 300, SentAt: SentOnTuesday));
        Assert.True(decision.RefusesPart);

        var letter = await LetterAsync(decision, "ar");
        var dutch = Dutch(letter);

        Assert.Equal("U krijgt € 1.500 voor Kookavond voor moeders.", Plain(letter.Summary[0].Text));
        Assert.Contains("U vroeg € 1.800. Een deel daarvan krijgt u niet.", dutch, StringComparison.Ordinal);
        Assert.Contains("U vroeg € 1.800. U krijgt € 1.500. Het verschil van € 300 krijgt u niet.", dutch, StringComparison.Ordinal);
        Assert.Contains($"Boodschappen: € 300 minder. {TestDecisions.CutReason}", dutch, StringComparison.Ordinal);
        Assert.Contains("Een deel van de kosten betaalt deze regeling niet.", dutch, StringComparison.Ordinal);
        Assert.Contains("bezwaar (een verzoek om opnieuw naar het besluit te kijken) maken", dutch, StringComparison.Ordinal);
        PlainDutch(letter);
        Assert.Contains("طلبتم", Arabic(letter), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_says_why_not_with_the_tips_and_pays_nothing()
    {
        var decision = await DecisionAsync(new(ProposedOutcome.Refuse, Suggestions: "Vraag een coach om mee te kijken naar uw begroting.", SentAt: SentOnTuesday));

        var letter = await LetterAsync(decision, "ar");
        var dutch = Dutch(letter);

        Assert.Equal("U krijgt geen subsidie voor Kookavond voor moeders. Hieronder leest u waarom.", Plain(letter.Summary[0].Text));
        Assert.Contains("Uw activiteit past niet bij het doel van deze regeling.", dutch, StringComparison.Ordinal);
        Assert.Contains("Tips voor een volgende keer", dutch, StringComparison.Ordinal);
        Assert.Contains("Vraag een coach om mee te kijken naar uw begroting.", dutch, StringComparison.Ordinal);
        Assert.Contains("U mag altijd een nieuwe aanvraag doen.", dutch, StringComparison.Ordinal);
        Assert.Contains("dinsdag 12 januari 2027", dutch, StringComparison.Ordinal);
        Assert.DoesNotContain("Wanneer en waar krijgt u het geld?", dutch, StringComparison.Ordinal);
        Assert.DoesNotContain("Wat wij afspreken", dutch, StringComparison.Ordinal);
        PlainDutch(letter);
        Assert.Contains("لن تحصلوا على دعم", Arabic(letter), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Not_processing_says_why_the_application_was_not_dealt_with_and_how_to_object()
    {
        var decision = await DecisionAsync(new(ProposedOutcome.NotProcess, SentAt: SentOnTuesday));

        var letter = await LetterAsync(decision, "ar");
        var dutch = Dutch(letter);

        Assert.StartsWith("Wij hebben uw aanvraag voor Kookavond voor moeders niet behandeld.", Plain(letter.Summary[0].Text), StringComparison.Ordinal);
        Assert.Contains("Wij vroegen u om uw aanvraag aan te vullen. Dat kwam niet op tijd.", dutch, StringComparison.Ordinal);
        Assert.Contains("artikel 4:5 van de Algemene wet bestuursrecht", dutch, StringComparison.Ordinal);
        Assert.Contains("dinsdag 12 januari 2027", dutch, StringComparison.Ordinal);
        PlainDutch(letter);
        Assert.Contains("لم نعالج طلبكم", Arabic(letter), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vaststelling_is_short_it_says_the_amount_is_final_and_pays_what_is_left()
    {
        var decision = await TestDecisions.AsVaststellingAsync(fixture.Database, await DecisionAsync(new(SentAt: SentOnTuesday)));

        var letter = await LetterAsync(decision, "ar");
        var dutch = Dutch(letter);

        Assert.Equal("Het bedrag voor Kookavond voor moeders staat nu vast: € 1.800.", Plain(letter.Summary[0].Text));
        Assert.Contains("Dit is de vaststelling (het besluit over het bedrag dat u echt krijgt).", dutch, StringComparison.Ordinal);
        Assert.Contains("Dan betalen wij alleen wat nog over is.", dutch, StringComparison.Ordinal);
        Assert.DoesNotContain("Wat u moet doen", dutch, StringComparison.Ordinal);
        PlainDutch(letter);
    }

    [Fact]
    public async Task Before_sending_the_last_day_to_object_is_counted_from_today()
    {
        var decision = await DecisionAsync(new());
        var letter = await LetterAsync(decision, "ar");
        var today = NijmegenTime.DayOf(DateTimeOffset.UtcNow);
        var lastDay = Decision.LastDayToObject(today, AtwCalendar.Netherlands);

        Assert.False(letter.Sent);
        Assert.Equal(lastDay, letter.LastDayToObject);
        Assert.Contains($"Versturen wij het vandaag? Dan is de laatste dag {Plain(DecisionLetters.LongDate(lastDay, CultureInfo.GetCultureInfo("nl")))}.",
            Dutch(letter), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_summary_follows_the_answer_language_then_the_readers_and_none_beside_a_Dutch_letter_for_Dutch()
    {
        Assert.Equal("ar", DecisionLetters.SummaryLanguage("ar", "nl"));
        Assert.Equal("en", DecisionLetters.SummaryLanguage("nl", "en"));
        Assert.Equal("ar", DecisionLetters.SummaryLanguage("so", "ar"));
        Assert.Null(DecisionLetters.SummaryLanguage("nl", "nl"));
        Assert.Null(DecisionLetters.SummaryLanguage("so", null));

        var decision = await DecisionAsync(new(AnswerLanguage: "en", SentAt: SentOnTuesday));
        var english = await LetterAsync(decision, "en");
        Assert.Contains("You receive € 1.800 for", Plain(string.Join("\n", english.Translation!.Blocks.Select(b => b.Text))), StringComparison.Ordinal);
        Assert.Equal("Only the Dutch letter counts officially.", english.Translation.DutchCounts.Split(". ")[1]);
        Assert.Null((await LetterAsync(decision, null)).Translation);
    }

    [Fact]
    public async Task The_PDF_holds_the_Dutch_letter_and_the_Arabic_summary_shaped_and_right_to_left()
    {
        var decision = await DecisionAsync(new(SentAt: SentOnTuesday));
        using var scope = fixture.Factory.Services.CreateScope();
        var documents = scope.ServiceProvider.GetRequiredService<DecisionDocuments>();
        var letters = scope.ServiceProvider.GetRequiredService<DecisionLetters>();
        var pdf = documents.Render(await letters.SourceAsync(decision), "ar");

        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5), StringComparison.Ordinal);
        var lines = PdfText.Lines(pdf);
        var joined = string.Join(" ", lines).Replace('\u00A0', ' ');
        Assert.Contains("U krijgt € 1.800 voor Kookavond voor moeders.", joined, StringComparison.Ordinal);
        Assert.Contains("Nijmeegse Kaderverordening Subsidies 2019", joined, StringComparison.Ordinal);
        Assert.Contains("dinsdag 12 januari 2027", joined, StringComparison.Ordinal);
        Assert.Contains("Pagina 1 van", joined, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', joined);
        Assert.DoesNotContain('\u2068', joined);

        var arabicLines = lines.Where(ArabicShaping.HasArabic).ToList();
        Assert.NotEmpty(arabicLines);
        // Shaped: drawn in contextual forms (Presentation Forms-B), never as bare letters PDFsharp would draw unjoined.
        Assert.All(arabicLines, line => Assert.DoesNotContain(line, c => c is >= '\u0621' and <= '\u064A'));
        var read = string.Join("\n", arabicLines.Select(PdfText.ReadRightToLeft));
        Assert.Contains("ملخص باللغة العربية", read, StringComparison.Ordinal);
        Assert.Contains("الرسالة الهولندية وحدها هي الرسمية", read, StringComparison.Ordinal);
        Assert.Contains("ستحصلون على", read, StringComparison.Ordinal);
        // Drawn left to right, the amount inside the Arabic line keeps its own order.
        Assert.Contains(arabicLines, line => line.Replace('\u00A0', ' ').Contains("€ 1.800", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_compressed_stream_of_the_PDF_is_a_whole_zlib_stream_and_every_object_is_where_the_table_says()
    {
        var decision = await DecisionAsync(new(SentAt: SentOnTuesday));
        using var scope = fixture.Factory.Services.CreateScope();
        var pdf = scope.ServiceProvider.GetRequiredService<DecisionDocuments>()
            .Render(await scope.ServiceProvider.GetRequiredService<DecisionLetters>().SourceAsync(decision), "ar");

        var streams = PdfStructure.FlateStreams(pdf);
        Assert.True(streams.Count >= 4, $"only {streams.Count} compressed streams"); // both fonts, the pages, the text maps
        // RFC 1950: the deflate data ends with the Adler-32 of what it holds (PDFsharp 6.2.4 leaves it out; ZlibTrailers adds it).
        Assert.All(streams, stream => Assert.Equal(ZlibTrailers.Adler32(PdfStructure.Inflate(stream)), PdfStructure.Trailer(stream)));
        Assert.All(PdfStructure.CrossReferences(pdf), entry => Assert.Equal($"{entry.Number} 0 obj",
            System.Text.Encoding.Latin1.GetString(pdf, (int)entry.Offset, $"{entry.Number} 0 obj".Length)));
        Assert.Equal(PdfStructure.StartXref(pdf), System.Text.Encoding.Latin1.GetString(pdf).LastIndexOf("\nxref\n", StringComparison.Ordinal) + 1);
        Assert.Contains("U krijgt € 1.800 voor Kookavond voor moeders.", PdfText.Joined(pdf).Replace('\u00A0', ' '), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 1u)]
    [InlineData("Wikipedia", 0x11E60398u)]
    public void Adler32_is_the_checksum_of_RFC_1950(string text, uint expected) =>
        Assert.Equal(expected, ZlibTrailers.Adler32(System.Text.Encoding.ASCII.GetBytes(text)));

    [Fact]
    public async Task A_sent_decisions_PDF_is_kept_and_every_download_is_that_document_an_unsent_one_is_not_kept()
    {
        var unsent = await DecisionAsync(new(Reference: "NIJ-2026-00043"));
        var sent = await DecisionAsync(new(SentAt: SentOnTuesday));
        using var scope = fixture.Factory.Services.CreateScope();
        var documents = scope.ServiceProvider.GetRequiredService<DecisionDocuments>();

        var first = await documents.PdfAsync(sent.Id);
        var again = await documents.PdfAsync(sent.Id, "en");
        await documents.PdfAsync(unsent.Id);

        Assert.NotNull(first);
        Assert.Equal(first, again);
        await using var db = fixture.Database.NewContext();
        var kept = await db.DecisionDocuments.SingleAsync();
        Assert.Equal(sent.Id, kept.DecisionId);
        Assert.Equal("ar", kept.SummaryLanguage);
        Assert.Equal(first, kept.Content);
        Assert.Null(await documents.PdfAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Words_typed_in_Arabic_with_emoji_and_a_very_long_word_still_make_a_PDF_and_keep_their_own_direction()
    {
        var decision = await DecisionAsync(new(SentAt: SentOnTuesday));
        var odd = "شكرًا للمجموعة 🎉👍 " + new string('x', 300) + " einde";
        await using (var db = fixture.Database.NewContext())
            await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "Decisions" SET "Feedback" = {odd} WHERE "Id" = {decision.Id}""");
        using var scope = fixture.Factory.Services.CreateScope();
        var documents = scope.ServiceProvider.GetRequiredService<DecisionDocuments>();
        var letters = scope.ServiceProvider.GetRequiredService<DecisionLetters>();

        var letter = await LetterAsync(decision, "ar");
        var pdf = documents.Render((await letters.SourceAsync(decision.Id))!, "ar");

        Assert.Contains(letter.Sections.SelectMany(s => s.Blocks), b => b.Own && b.Text == odd);
        var lines = PdfText.Lines(pdf);
        Assert.Contains(lines, line => line.Contains("einde", StringComparison.Ordinal));
        Assert.True(lines.Count(line => line.Contains("xxxxxxxxxx", StringComparison.Ordinal)) >= 2, "the long word is broken over lines");
        Assert.Contains(lines, line => PdfText.ReadRightToLeft(line).Contains("للمجموعة", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Words_typed_in_Tigrinya_are_set_in_an_Ethiopic_font_beside_the_Dutch_in_the_same_line()
    {
        var decision = await DecisionAsync(new(SentAt: SentOnTuesday));
        const string Tigrinya = "ንጉጅለ ኣዴታት የቐንየልና";
        await using (var db = fixture.Database.NewContext())
            await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "Decisions" SET "Feedback" = {"Dank u: " + Tigrinya + " (Hatert)"} WHERE "Id" = {decision.Id}""");
        using var scope = fixture.Factory.Services.CreateScope();
        var pdf = scope.ServiceProvider.GetRequiredService<DecisionDocuments>()
            .Render((await scope.ServiceProvider.GetRequiredService<DecisionLetters>().SourceAsync(decision.Id))!, null);

        // One line drawn in three runs: the Dutch and the brackets in DejaVu Sans, the Tigrinya in Noto Sans Ethiopic, in order.
        var lines = PdfText.Lines(pdf).ToList();
        var dutch = lines.IndexOf("Dank u: ");
        Assert.True(dutch >= 0, "the Dutch run of the line is missing");
        Assert.Equal(["Dank u: ", Tigrinya + " ", "(Hatert)"], lines.Skip(dutch).Take(3));
        Assert.Contains(PdfStructure.FontNames(pdf), name => name.Contains("+Noto#20Sans#20Ethiopic", StringComparison.Ordinal));
        Assert.DoesNotContain('\uFFFD', PdfText.Joined(pdf));
    }

    [Fact]
    public async Task A_letter_without_Ethiopic_does_not_carry_the_Ethiopic_font()
    {
        var decision = await DecisionAsync(new(SentAt: SentOnTuesday));
        using var scope = fixture.Factory.Services.CreateScope();
        var pdf = scope.ServiceProvider.GetRequiredService<DecisionDocuments>()
            .Render((await scope.ServiceProvider.GetRequiredService<DecisionLetters>().SourceAsync(decision.Id))!, "ar");

        var fonts = PdfStructure.FontNames(pdf);
        Assert.Contains(fonts, name => name.EndsWith("+DejaVu#20Sans", StringComparison.Ordinal));
        Assert.DoesNotContain(fonts, name => name.Contains("Ethiopic", StringComparison.Ordinal));
    }

    [Fact]
    public void Arabic_is_shaped_with_joining_forms_and_lam_alef_and_ordered_right_to_left()
    {
        // سلام: seen initial, lam-alef final (lam joins the seen), meem isolated (alef never joins what follows).
        Assert.Equal("\uFEB3\uFEFC\uFEE1", ArabicShaping.Shape("سلام"));
        Assert.Equal("\uFEFB", ArabicShaping.Shape("لا"));
        // بيت: beh initial, yeh medial, teh final.
        Assert.Equal("\uFE91\uFEF4\uFE96", ArabicShaping.Shape("بيت"));
        // دار: dal and alef join only to the right, so nothing joins here: three isolated forms.
        Assert.Equal("\uFEA9\uFE8D\uFEAD", ArabicShaping.Shape("دار"));
        // باب: beh initial, alef final (joined to the beh), beh isolated again.
        Assert.Equal("\uFE91\uFE8E\uFE8F", ArabicShaping.Shape("باب"));
        Assert.Equal("NIJ-2026", ArabicShaping.Shape("NIJ-2026"));

        Assert.True(ArabicShaping.IsRightToLeft("رقم NIJ-2026-00042"));
        // A right-to-left line: runs in reverse order, the Arabic run reversed, the Latin run as it is.
        Assert.Equal("NIJ-2026 " + "مقر", ArabicShaping.Visual("رقم NIJ-2026", rightToLeft: true));
        // A Dutch line with an Arabic title keeps its order and turns only the Arabic round.
        Assert.Equal("Activiteit: " + "ءاقل", ArabicShaping.Visual("Activiteit: لقاء", rightToLeft: false));
        Assert.Equal("(" + "ب" + ")", ArabicShaping.Visual("(ب)", rightToLeft: true));
        Assert.Equal("فورا", ArabicShaping.WithoutVowelMarks("فورًا"));
    }

    private async Task<Decision> DecisionAsync(TestDecisions.Options options)
    {
        var user = await TestAccounts.CreateAsync(fixture.Factory, $"lid-{Guid.NewGuid():N}@example.org", Roles.Applicant, language: "ar");
        var organisation = await TestApplications.OrganisationAsync(fixture.Database, user.Id);
        var reviewer = await TestAccounts.CreateAsync(fixture.Factory, $"beoordelaar-{Guid.NewGuid():N}@example.org", Roles.Reviewer);
        return await TestDecisions.TakeAsync(fixture.Database, organisation, reviewer.Id, options);
    }

    private async Task<DecisionLetter> LetterAsync(Decision decision, string? summaryLanguage)
    {
        using var scope = fixture.Factory.Services.CreateScope();
        var letters = scope.ServiceProvider.GetRequiredService<DecisionLetters>();
        return letters.Write((await letters.SourceAsync(decision.Id))!, summaryLanguage);
    }

    /// <summary>Without directional isolates, and a no-break space (which keeps € with its number) read as a space.</summary>
    private static string Plain(string text) => Portal.Domain.Common.Bidi.WithoutControls(text).Replace('\u00A0', ' ');

    private static string Dutch(DecisionLetter letter) =>
        Plain(string.Join("\n", new[] { letter.Title, letter.Salutation }.Concat(letter.Summary.Select(b => b.Text))
            .Concat(letter.Sections.SelectMany(s => s.Blocks.Select(b => b.Text).Prepend(s.Heading))).Concat(letter.Closing)));

    private static string Arabic(DecisionLetter letter) =>
        Plain(string.Join("\n", letter.Translation!.Blocks.Select(b => b.Text).Prepend(letter.Translation.Heading).Append(letter.Translation.DutchCounts)));

    /// <summary>The plain-language rules (PlainLanguage: no sentence over 20 words, jargon only with its explanation) on our Dutch.</summary>
    private static void PlainDutch(DecisionLetter letter)
    {
        var warnings = PlainLanguage.Check(Plain(string.Join("\n", letter.OurDutchTexts)));
        Assert.True(warnings.Count == 0, string.Join("; ", warnings.Select(w => $"{w.Problem}: {w.Text}")));
        Assert.Contains("bezwaar (een verzoek om opnieuw naar het besluit te kijken) maken. Dat kost niets.", Dutch(letter), StringComparison.Ordinal);
    }
}
