using Microsoft.EntityFrameworkCore;
using Portal.Domain.Applications;
using Portal.Domain.Assessment;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Money;
using Portal.Domain.Organisations;
using Portal.Domain.Terms;
using Portal.Tests.Infrastructure;

namespace Portal.Tests.Decisions;

/// <summary>
/// Decisions of every kind, taken through the domain the way <see cref="Portal.Review.ProposalDecisions"/> takes them: the
/// application reviewed and decided, the reasons chosen (and for a partial grant a cut with its reason on the reviewer's
/// assessment), the decision taken with the application frozen, and sent when asked.
/// </summary>
public static class TestDecisions
{
    public const string Feedback = "Uw plan is duidelijk. Wij vinden het goed dat moeders uit de hele wijk meedoen.";
    public const string CutReason = "Alcohol betalen wij niet.";

    public sealed record Options(ProposedOutcome Outcome = ProposedOutcome.Grant, long CostEuros = 1_800, long? CutEuros = null,
        string AnswerLanguage = "ar", DateTimeOffset? SentAt = null, string? Suggestions = null, string Reference = "NIJ-2026-00042", long? DirectUpToEuros = null);

    public static async Task<Decision> TakeAsync(TestDatabase database, Organisation organisation, Guid reviewerId, Options options)
    {
        var now = DateTimeOffset.UtcNow;
        var member = Actor.Applicant(organisation.Members[0].UserId);
        var draft = await TestApplications.DraftAsync(database, organisation, options.CostEuros);
        await using var db = database.NewContext();
        var application = await db.Applications.Include(a => a.BudgetLines).Include(a => a.Events).Include(a => a.Attachments)
            .SingleAsync(a => a.Id == draft.Id);
        var scheme = await db.Schemes.SingleAsync(s => s.Id == application.SchemeId);
        if (options.DirectUpToEuros is { } upTo) scheme.SettleDirectlyUpTo(Money.FromEuros(upTo));
        application.WriteAnswersIn(options.AnswerLanguage, member, now);
        foreach (var kind in scheme.RequiredDocuments(application.Requested))
        {
            var attachment = application.Attach(scheme, kind, $"{kind}.pdf", "application/pdf", 4, member, now);
            db.AttachmentFiles.Add(new Portal.Data.AttachmentFile { AttachmentId = attachment.Id, Content = "%PDF"u8.ToArray() });
        }
        application.Submit(scheme, organisation, declarationAccepted: true, options.Reference, member, now.AddDays(-2));
        var reviewer = Actor.Reviewer(reviewerId);
        application.StartReview(reviewer, now);

        var assessment = new ApplicationAssessment(application, reviewer, now);
        var reasons = ReasonTemplates.For(options.Outcome).Take(options.Outcome == ProposedOutcome.PartialGrant ? 1 : 2).ToList();
        assessment.ChooseOutcome(options.Outcome, reasons, null, applicantHeard: false, reviewer, now);
        assessment.WriteFeedback(Feedback, reviewer, now);
        if (options.CutEuros is { } cut) assessment.Cut(application, application.BudgetLines[0].Id, Money.FromEuros(cut), CutReason, reviewer, now);
        db.Add(assessment);

        application.ProposeDecision(options.Outcome, reviewer, now, options.Suggestions);
        application.Decide(options.Outcome is ProposedOutcome.Grant ? reviewer : Actor.Approver(Guid.NewGuid()), now);
        Money? amount = options.Outcome switch
        {
            ProposedOutcome.Grant => application.Requested,
            ProposedOutcome.PartialGrant => assessment.AmountToGrant(application),
            _ => null,
        };
        var number = await db.Decisions.CountAsync(d => d.ApplicationId == application.Id) + 1;
        var decision = Decision.Take(application, scheme, number, assessment.Id, options.Outcome, amount, assessment.Reasons, assessment.ReasonText,
            assessment.Feedback, ApplicationSnapshot.Of(application), reviewer, now);
        if (options.SentAt is { } sentAt) decision.Sent(DispatchChannel.Post, sentAt, AtwCalendar.Netherlands, reviewer);
        db.Decisions.Add(decision);
        await db.SaveChangesAsync();
        return decision;
    }

    /// <summary>
    /// A vaststelling settles a verlening after the report; the helper that makes it is not built yet, so the kind is set on a
    /// taken grant as that helper will store it (Decisions.Kind is a column like any other).
    /// </summary>
    public static async Task<Decision> AsVaststellingAsync(TestDatabase database, Decision decision)
    {
        await using var db = database.NewContext();
        await db.Database.ExecuteSqlInterpolatedAsync($"""UPDATE "Decisions" SET "Kind" = 'Vaststelling' WHERE "Id" = {decision.Id}""");
        return await db.Decisions.AsNoTracking().SingleAsync(d => d.Id == decision.Id);
    }

    /// <summary>The decision reopened (after an objection or a mistake), and the next version taken as a grant.</summary>
    public static async Task<Decision> ReopenAndDecideAgainAsync(TestDatabase database, Decision first, string reason)
    {
        var now = DateTimeOffset.UtcNow;
        await using var db = database.NewContext();
        var reopened = await db.Decisions.SingleAsync(d => d.Id == first.Id);
        reopened.Reopen(reason, Actor.Approver(Guid.NewGuid()), now);
        var application = await db.Applications.Include(a => a.BudgetLines).SingleAsync(a => a.Id == first.ApplicationId);
        var scheme = await db.Schemes.SingleAsync(s => s.Id == application.SchemeId);
        // The domain's reopening of the application is another helper's; the second version is taken on the same decided application.
        var second = Decision.Take(application, scheme, first.Number + 1, null, ProposedOutcome.Grant, application.Requested, ["FitsScheme"], null, null,
            ApplicationSnapshot.Of(application), Actor.Approver(Guid.NewGuid()), now);
        db.Decisions.Add(second);
        await db.SaveChangesAsync();
        return second;
    }
}
