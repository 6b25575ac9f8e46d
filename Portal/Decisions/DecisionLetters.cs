using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Assessment;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Languages;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using Portal.Infrastructure;
using Portal.Infrastructure.Localization;

namespace Portal.Decisions;

/// <summary>What a letter is written from: the decision and what it is about.</summary>
/// <param name="SendingAt">For the letter that goes out now, with the email that sends it: written as sent at that moment.</param>
public sealed record LetterSource(Decision Decision, Application Application, Organisation Organisation, Scheme Scheme,
    IReadOnlyList<BudgetCut> Cuts, DateTimeOffset? SendingAt = null);

/// <summary>The last day to object, and whether the letter has gone out (else that day holds only if it goes out today).</summary>
internal readonly record struct ObjectionTerm(DateOnly LastDay, bool Sent);

/// <summary>
/// Writes the decision letter (issue 12, point 2): plain Dutch, the outcome first, then what is agreed and thanks for the
/// group's work, the reasons (art. 3:46 Awb: the reason templates, the reviewer's words and the assessment's feedback), tips,
/// the rules it rests on, what the group must do, the payment and how to object — with the last day written out. Beside it
/// a summary in the applicant's language that says the Dutch text counts. The letter is written from what the decision froze
/// (its reasons, amount, obligations and the application as decided on), so an earlier version reads the same later.
/// </summary>
public sealed class DecisionLetters(PortalDbContext db, PortalText text, IOptions<HelpContactOptions> help, TimeProvider clock)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl");

    /// <summary>The decision with its application (and cost rows), organisation, scheme and the cuts of a partial grant.</summary>
    public async Task<LetterSource?> SourceAsync(Guid decisionId, CancellationToken cancellationToken = default)
    {
        var decision = await db.Decisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == decisionId, cancellationToken);
        return decision is null ? null : await SourceAsync(decision, cancellationToken);
    }

    public async Task<LetterSource> SourceAsync(Decision decision, CancellationToken cancellationToken = default)
    {
        var application = await db.Applications.AsNoTracking().Include(a => a.BudgetLines)
            .SingleAsync(a => a.Id == decision.ApplicationId, cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == application.OrganisationId, cancellationToken);
        var scheme = await db.Schemes.AsNoTracking().SingleAsync(s => s.Id == application.SchemeId, cancellationToken);
        var cuts = decision.AssessmentId is { } assessmentId
            ? await db.Set<BudgetCut>().AsNoTracking().Where(c => c.AssessmentId == assessmentId && c.AmountCents > 0).ToListAsync(cancellationToken)
            : [];
        return new LetterSource(decision, application, organisation, scheme, cuts);
    }

    /// <summary>
    /// The language of the summary beside the Dutch letter: the language the group answered in, or else the reader's page
    /// language, when the letter texts exist in it; none when that is Dutch.
    /// </summary>
    public static string? SummaryLanguage(string answerLanguage, string? readerLanguage) =>
        new[] { answerLanguage, readerLanguage }.FirstOrDefault(code => code is not null && code != Languages.Default && Languages.IsOffered(code));

    /// <summary>The letter; <paramref name="summaryLanguage"/> null or Dutch for the Dutch letter alone.</summary>
    public DecisionLetter Write(LetterSource source, string? summaryLanguage)
    {
        var decision = source.Decision;
        // Before sending, the letter shows the last day as it would be if it went out today (staff print it to post it).
        var sentAt = decision.SentAt ?? source.SendingAt;
        var lastDay = decision.ObjectionLastDay
            ?? Decision.LastDayToObject(NijmegenTime.DayOf(sentAt ?? clock.GetUtcNow()), AtwCalendar.Netherlands);
        var term = new ObjectionTerm(lastDay, Sent: sentAt is not null);
        var snapshot = Snapshot.Read(decision.ApplicationSnapshot, source.Application);
        using (UiCulture.Use(Dutch))
        {
            var translation = summaryLanguage is null || summaryLanguage == Languages.Default ? null : Translate(source, snapshot, term, summaryLanguage);
            return DutchLetter(source, snapshot, term, translation);
        }
    }

    private DecisionLetter DutchLetter(LetterSource source, Snapshot snapshot, ObjectionTerm term, LetterSummary? translation)
    {
        var decision = source.Decision;
        var reference = snapshot.Reference ?? source.Application.Reference ?? "";
        var scheme = ApplicationDisplay.SchemeName(text, source.Scheme.Slug);
        var title = Bidi.Isolate(snapshot.Title ?? scheme);
        var facts = new List<(string, string)>
        {
            (L("Letter.Fact.To"), source.Organisation.Name),
            (L("Letter.Fact.Date"), LongDate(decision.DecidedOn, Dutch)),
            (L("Letter.Fact.Reference"), reference),
            (L("Letter.Fact.Scheme"), scheme),
            (L("Letter.Fact.Version"), L("Letter.Fact.VersionValue", decision.Number)),
        };

        var summary = SummaryBlocks(decision, title, term, dutch: true).ToList();
        summary.Add(new(L(decision.IsGrant ? "Letter.Thanks.Grant" : "Letter.Thanks.Refusal")));
        if (!decision.IsGrant) summary.Add(new(L("Letter.Thanks.Coach")));

        var sections = new List<LetterSection>();
        if (decision.IsGrant) sections.Add(new(L("Letter.Agreed.Title"), Agreed(decision, snapshot, title).ToList()));
        sections.Add(new(L("Letter.Reasons.Title"), Reasons(source, decision).ToList()));
        if (!string.IsNullOrWhiteSpace(decision.Suggestions))
            sections.Add(new(L("Letter.Suggestions.Title"), [new(decision.Suggestions.Trim(), Own: true)]));
        sections.Add(new(L("Letter.Basis.Title"), Basis(decision, scheme).ToList()));
        if (decision.Kind == DecisionKind.Verlening)
        {
            List<LetterBlock> obligations = [new(L("Letter.Obligations.Intro"))];
            obligations.AddRange(decision.Obligations.Select(key => new LetterBlock(L($"Decision.Obligation.{key}"), IsItem: true)));
            if (decision.ActivityEndsOn is { } endsOn) obligations.Add(new(L("Letter.Obligations.EndsOn", LongDate(endsOn, Dutch))));
            if (decision.VaststellingDueOn is { } dueOn) obligations.Add(new(L("Letter.Obligations.DecideBy", LongDate(dueOn, Dutch))));
            sections.Add(new(L("Letter.Obligations.Title"), obligations));
        }
        else if (decision.Kind == DecisionKind.DirectVaststelling)
        {
            sections.Add(new(L("Letter.Conditions.Title"), [new(L("Letter.Conditions.Direct"))]));
        }
        if (decision.IsGrant && decision.Amount is { } amount) sections.Add(new(L("Letter.Payment.Title"), Payment(decision, source.Organisation, amount).ToList()));
        sections.Add(new(L("Letter.Objection.Title"),
        [
            new(L("Letter.Objection.What")),
            new(L("Letter.Objection.Term")),
            new(L(term.Sent ? "Letter.Objection.LastDay" : "Letter.Objection.LastDayNotSent", LongDate(term.LastDay, Dutch))),
            new(L("Letter.Objection.How", reference)),
            new(L("Letter.Objection.Where")),
            new(L("Letter.Objection.Talk")),
        ]));
        sections.Add(new(L("Letter.Questions.Title"), [new(L("Letter.Questions.Text", help.Value.Phone, help.Value.Email, reference))]));

        return new DecisionLetter(decision.Id, decision.ApplicationId, decision.Number, decision.Kind, decision.Stands, term.Sent,
            term.LastDay, L("Letter.Municipality"), L("Letter.Title", reference), facts,
            L("Letter.Salutation", source.Organisation.ContactName ?? source.Organisation.Name), summary, sections,
            [L("Letter.Closing"), L("Letter.Signature"), L("Letter.SignatureTeam")],
            decision.ReopenedAt is { } reopened ? L("Letter.NoLongerStands", LongDate(NijmegenTime.DayOf(reopened), Dutch)) : null,
            translation);
    }

    /// <summary>The outcome in a sentence or three, and until when one can object: the start of the letter and of its summary.</summary>
    private IEnumerable<LetterBlock> SummaryBlocks(Decision decision, string title, ObjectionTerm term, bool dutch)
    {
        string Amount(Domain.Money.Money money) => dutch ? money.Text : money.Format();
        var culture = CultureInfo.CurrentUICulture;
        switch (decision.Kind)
        {
            case DecisionKind.DirectVaststelling or DecisionKind.Verlening:
                yield return new(L("Letter.Summary.Grant", Amount(decision.Amount!.Value), title));
                if (decision.RefusesPart) yield return new(L("Letter.Summary.Part", Amount(decision.Requested)));
                yield return new(L(decision.Kind == DecisionKind.DirectVaststelling ? "Letter.Summary.DirectFinal" : "Letter.Summary.VerleningConditions"));
                break;
            case DecisionKind.Vaststelling:
                yield return new(L("Letter.Summary.Vaststelling", Amount(decision.Amount ?? Domain.Money.Money.Zero), title));
                break;
            case DecisionKind.Refusal:
                yield return new(L("Letter.Summary.Refusal", title));
                break;
            case DecisionKind.NotProcessed:
                yield return new(L("Letter.Summary.NotProcessed", title));
                break;
        }
        yield return new(L(term.Sent ? "Letter.Summary.ObjectBy" : "Letter.Summary.ObjectByNotSent", LongDate(term.LastDay, culture)));
    }

    private IEnumerable<LetterBlock> Agreed(Decision decision, Snapshot snapshot, string title)
    {
        yield return new(L("Letter.Agreed.Activity", title), IsItem: true);
        if (snapshot.StartsOn is { } startsOn)
            yield return new(snapshot.EndsOn is { } endsOn && endsOn != startsOn
                ? L("Letter.Agreed.WhenRange", LongDate(startsOn, Dutch), LongDate(endsOn, Dutch))
                : L("Letter.Agreed.When", LongDate(startsOn, Dutch)), IsItem: true);
        if (snapshot.Neighbourhood is { } where) yield return new(L("Letter.Agreed.Where", ApplicationDisplay.Neighbourhood(where)), IsItem: true);
        if (snapshot.ForWhom is { } forWhom) yield return new(L("Letter.Agreed.ForWhom", Bidi.Isolate(forWhom)), IsItem: true);
        if (snapshot.ParticipantCount is { } people) yield return new(L("Letter.Agreed.People", people), IsItem: true);
        yield return new(L("Letter.Agreed.Amount", decision.Amount!.Value.Text), IsItem: true);
        if (decision.RefusesPart) yield return new(L("Letter.Agreed.Requested", decision.Requested.Text), IsItem: true);
    }

    private IEnumerable<LetterBlock> Reasons(LetterSource source, Decision decision)
    {
        foreach (var key in decision.Reasons)
        {
            var reason = text[ReasonTemplates.ResourceKey(decision.Outcome, key)];
            if (!reason.ResourceNotFound) yield return new(reason.Value);
        }
        if (!string.IsNullOrWhiteSpace(decision.ReasonText)) yield return new(decision.ReasonText.Trim(), Own: true);
        if (decision.RefusesPart)
        {
            yield return new(L("Letter.Reasons.PartRefused", decision.Requested.Text, decision.Amount!.Value.Text,
                (decision.Requested - decision.Amount!.Value).Text));
            if (source.Cuts.Count > 0)
            {
                yield return new(L("Letter.Reasons.Cuts"));
                var lines = source.Application.BudgetLines.ToDictionary(l => l.Id);
                foreach (var cut in source.Cuts.OrderBy(c => lines.TryGetValue(c.BudgetLineId, out var l) ? l.Position : int.MaxValue))
                {
                    var what = lines.TryGetValue(cut.BudgetLineId, out var line)
                        ? Bidi.Isolate(line.Description ?? L($"Budget.Category.{line.Category}"))
                        : L("Budget.Category.Other");
                    var item = L("Letter.Reasons.Cut", what, cut.Amount.Text);
                    yield return new(string.IsNullOrWhiteSpace(cut.Reason) ? item + "." : $"{item}. {cut.Reason.Trim()}", IsItem: true, Own: !string.IsNullOrWhiteSpace(cut.Reason));
                }
            }
        }
        if (!string.IsNullOrWhiteSpace(decision.Feedback))
        {
            yield return new(L("Letter.Reasons.Feedback"));
            yield return new(decision.Feedback.Trim(), Own: true);
        }
    }

    private IEnumerable<LetterBlock> Basis(Decision decision, string scheme)
    {
        yield return new(L("Letter.Basis.Rules", scheme));
        yield return new(L(decision.Kind switch
        {
            DecisionKind.DirectVaststelling => "Letter.Basis.Direct",
            DecisionKind.Verlening => "Letter.Basis.Verlening",
            DecisionKind.Vaststelling => "Letter.Basis.Vaststelling",
            DecisionKind.NotProcessed => "Letter.Basis.NotProcessed",
            _ => "Letter.Basis.Refusal",
        }));
        if (decision.RefusesPart) yield return new(L("Letter.Basis.Refusal"));
    }

    private IEnumerable<LetterBlock> Payment(Decision decision, Organisation organisation, Domain.Money.Money amount)
    {
        yield return new(organisation.PaymentRoute switch
        {
            PaymentRoute.OwnAccount when organisation.Iban is not null =>
                L("Letter.Payment.Own", amount.Text, Bidi.LeftToRight(string.Join(' ', organisation.Iban.Chunk(4).Select(c => new string(c)))), organisation.AccountHolder ?? organisation.Name),
            PaymentRoute.HostOrganisation when organisation.HostName is not null => L("Letter.Payment.Host", amount.Text, organisation.HostName),
            _ => L("Letter.Payment.Unknown"),
        });
        yield return new(L("Letter.Payment.When"));
        if (decision.Kind == DecisionKind.Vaststelling) yield return new(L("Letter.Payment.Vaststelling"));
    }

    /// <summary>The summary in the applicant's language: the outcome, the reasons we chose (not the Dutch free text) and the last day.</summary>
    private LetterSummary Translate(LetterSource source, Snapshot snapshot, ObjectionTerm term, string language)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        using var _ = UiCulture.Use(culture);
        var decision = source.Decision;
        var title = Bidi.Isolate(snapshot.Title ?? ApplicationDisplay.SchemeName(text, source.Scheme.Slug));
        var blocks = SummaryBlocks(decision, title, term, dutch: false).ToList();
        var reasons = decision.Reasons.Select(key => text[ReasonTemplates.ResourceKey(decision.Outcome, key)])
            .Where(r => !r.ResourceNotFound).Select(r => new LetterBlock(r.Value, IsItem: true)).ToList();
        if (reasons.Count > 0)
        {
            // The reasons belong before the last day to object, like in the letter.
            blocks.InsertRange(blocks.Count - 1, reasons.Prepend(new LetterBlock(L("Letter.Translation.Reasons"))));
        }
        return new LetterSummary(language, AnswerLanguages.IsRightToLeft(language), L("Letter.Translation.Title"), blocks, L("Letter.Translation.Counts"));
    }

    private string L(string key, params object[] arguments) => text[key, arguments].Value;

    /// <summary>"dinsdag 14 januari 2027": a day the reader can act on, written out with its weekday (Gregorian in every language).</summary>
    public static string LongDate(DateOnly day, CultureInfo culture) => Bidi.Isolate(day.ToString("dddd d MMMM yyyy", culture));

    /// <summary>What the letter needs from the application as it was decided on (the frozen JSON), falling back to the application.</summary>
    private sealed record Snapshot(string? Reference, string? Title, string? ForWhom, int? ParticipantCount, string? Neighbourhood, DateOnly? StartsOn,
        DateOnly? EndsOn)
    {
        public static Snapshot Read(string json, Application application)
        {
            try
            {
                using var document = JsonDocument.Parse(json);
                var root = document.RootElement;
                string? S(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
                DateOnly? D(string name) => S(name) is { } s && DateOnly.TryParse(s, CultureInfo.InvariantCulture, out var d) ? d : null;
                int? I(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("Reference", out _))
                    return new(S("Reference"), S("Title"), S("ForWhom"), I("ParticipantCount"), S("Neighbourhood"), D("StartsOn"), D("EndsOn"));
            }
            catch (JsonException)
            {
                // An empty or unreadable snapshot: the application as it is now is the best there is.
            }
            return new(application.Reference, application.Title, application.ForWhom, application.ParticipantCount, application.Neighbourhood,
                application.StartsOn, application.EndsOn);
        }
    }
}

/// <summary>
/// Writes in one language for a while: the resource texts follow the current UI culture, and a letter is written in Dutch
/// with a summary in another language whatever the reader's page language is.
/// </summary>
internal sealed class UiCulture : IDisposable
{
    private readonly CultureInfo ui = CultureInfo.CurrentUICulture;
    private readonly CultureInfo culture = CultureInfo.CurrentCulture;

    private UiCulture(CultureInfo use)
    {
        CultureInfo.CurrentUICulture = use;
        CultureInfo.CurrentCulture = use;
    }

    public static UiCulture Use(CultureInfo culture) => new(culture);

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = ui;
        CultureInfo.CurrentCulture = culture;
    }
}
