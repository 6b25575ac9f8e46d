using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;

namespace Portal.Applications;

public enum SubmitOutcome
{
    NotFound,
    /// <summary>This request submitted it: one reference taken, one email in the outbox (from the domain event).</summary>
    Submitted,
    /// <summary>It was submitted before (a double click, a resubmitted form, another tab): nothing changed.</summary>
    AlreadySubmitted,
    /// <summary>Something is missing; nothing changed and no reference was used.</summary>
    Incomplete,
    DeclarationMissing,
    /// <summary>The question whether decisions may come by email (Wmebv) was not answered; nothing changed.</summary>
    DecisionsByEmailMissing,
}

/// <summary>What an application still needs, and the page where the applicant can add it.</summary>
public sealed record MissingItem(string MessageKey, string Link);

/// <summary>
/// Submits an application exactly once. In one transaction: lock the application's row, read it, take the next
/// reference from the database sequence (a new submission after a return keeps the one it has), submit, save (with the
/// xmin check). The confirmation email and the audit row come from the domain event, in the same transaction.
/// A second request waits for the lock, then finds the application submitted and changes nothing.
/// </summary>
public sealed class SubmitApplication(PortalDbContext db, ApplicationAccess access, UserManager<PortalUser> users, TimeProvider clock)
{
    /// <param name="decisionsByEmail">
    /// The member's answer to "may decisions on your subsidy applications reach you by email?" (Wmebv): required, and recorded
    /// with the submission (when, where, by whom) in the same transaction.
    /// </param>
    public async Task<SubmitOutcome> SubmitAsync(ClaimsPrincipal user, Guid applicationId, bool declarationAccepted, bool? decisionsByEmail)
    {
        if (await users.GetUserAsync(user) is not { } submitter) return SubmitOutcome.NotFound;
        await using var transaction = await db.Database.BeginTransactionAsync();
        // Lock first, read after: whoever comes second waits here until the first has committed, then reads "Submitted".
        await db.Database.ExecuteSqlInterpolatedAsync($"""SELECT 1 FROM "Applications" WHERE "Id" = {applicationId} FOR UPDATE""");
        // What the access check loaded before the lock may be stale: let go of it, so the application, its scheme and
        // the applying organisation are read again, in one query, under the lock.
        db.ChangeTracker.Clear();
        if (await access.ApplicationAsync(user, applicationId, Capability.Submit) is not { } application) return SubmitOutcome.NotFound;
        if (!application.IsEditable) return SubmitOutcome.AlreadySubmitted;

        var scheme = await access.SchemeOfAsync(application);
        var organisation = await access.ApplicantOfAsync(application);
        if (MissingKeys(application, scheme, organisation).Count > 0) return SubmitOutcome.Incomplete;
        if (!declarationAccepted) return SubmitOutcome.DeclarationMissing;
        if (decisionsByEmail is not { } byEmail) return SubmitOutcome.DecisionsByEmailMissing;

        var now = clock.GetUtcNow();
        var reference = application.Reference;
        if (reference is null)
        {
            var number = await db.Database
                .SqlQuery<long>($"""SELECT nextval('"ApplicationReferenceNumbers"') AS "Value" """)
                .SingleAsync();
            reference = ReferenceNumber.Format(now.Year, number);
        }
        var actor = await access.ActorOnApplicationAsync(user, applicationId);
        application.Submit(scheme, organisation, declarationAccepted, reference, actor, now);
        db.ElectronicContactConsents.Add(Domain.Decisions.ElectronicContactConsent.Record(submitter.Id, byEmail,
            Domain.Decisions.ConsentAskedAt.Submission, applicationId, current: null, actor, now)!);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateConcurrencyException)
        {
            // Only a writer that ignores the row lock gets here; nothing of this request is saved.
            return SubmitOutcome.AlreadySubmitted;
        }
        await transaction.CommitAsync();
        return SubmitOutcome.Submitted;
    }

    private const string OrganisationMissing = "Check.Missing.Organisation";

    /// <summary>The message keys of what is missing before submitting.</summary>
    public static IReadOnlyList<string> MissingKeys(Application application, Scheme scheme, Organisation organisation) =>
        [.. organisation.IsComplete ? [] : new[] { OrganisationMissing }, .. application.MissingForSubmission(scheme)];

    /// <summary>
    /// What is missing before submitting, each with a link to the page where it is answered. The return address goes
    /// into the query as it is ("?returnUrl=/applications/…/check"), as the check page's own change links write it.
    /// </summary>
    public static IReadOnlyList<MissingItem> Missing(IUrlHelper url, Application application, Scheme scheme, Organisation organisation,
        string returnUrl)
    {
        var id = application.Id;
        var back = returnUrl.Length > 0 ? "?returnUrl=" + returnUrl : "";
        return MissingKeys(application, scheme, organisation).Select(key => new MissingItem(key, key switch
        {
            OrganisationMissing => OrganisationLink(url, organisation, back),
            "Submit.Missing.Activity" => url.Page("/Applications/Activity/Question", new { id, question = FirstUnanswered(application).Name }) + back,
            "Submit.Missing.Attachments" => url.Page("/Applications/Attachments/Index", new { id })!,
            _ => url.Page("/Applications/Budget/Index", new { id }) + back,
        })).ToList();
    }

    public static string OrganisationLink(IUrlHelper url, Organisation organisation, string back) =>
        url.Page("/Organisation/Index", new { id = organisation.Id }) + back;

    private static QuestionKey FirstUnanswered(Application a)
    {
        object?[] answers = [a.Title, a.Description, a.ForWhom, a.ParticipantCount, a.Neighbourhood, a.StartsOn, a.HowOthersJoin];
        var index = Array.FindIndex(answers, answer => answer is null);
        return QuestionKey.Activity[Math.Max(0, index)];
    }
}
