using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Domain.Terms;
using Portal.Infrastructure.Localization;
using Portal.Requests;

namespace Portal.Pages.Review.Applications;

/// <summary>
/// The reviewer asks the applicant: a completeness request (art. 4:5 Awb: what is missing, a term, the consequence; it
/// suspends the decision term) or a question (suspends nothing). Every request of the application with its answer, and —
/// once a term ran out unused — the last day for the decision not to process (art. 4:5(4)). A refused form comes back with
/// everything typed.
/// </summary>
[Authorize(Policy = Policies.Reviewer)]
[Portal.Review.DeclaredNoConflict]
public sealed class RequestsModel(ApplicationAccess access, RequestDesk desk, TimeProvider clock, PortalText text) : PageModel
{
    public sealed class InputModel
    {
        public InformationRequestKind Kind { get; set; } = InformationRequestKind.Completeness;
        public string? About { get; set; }
        public string? Text { get; set; }
        /// <summary>As the date field sends it (yyyy-MM-dd), read without the page's culture.</summary>
        public string? RespondBy { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public Organisation Organisation { get; private set; } = default!;
    public IReadOnlyList<InformationRequest> Requests { get; private set; } = [];
    public DateOnly? LegalDate { get; private set; }
    public DateOnly? NotProcessBy { get; private set; }
    public string? Sent { get; private set; }
    /// <summary>Only while it is in review can a completeness request be sent (the state machine's rule).</summary>
    public bool CanRequestCompletion => Application.Status == ApplicationStatus.InReview;
    public bool CanAsk => Application.Status is ApplicationStatus.InReview or ApplicationStatus.InformationRequested;

    public async Task<IActionResult> OnGetAsync(Guid id, string? sent)
    {
        if (!await LoadAsync(id)) return NotFound();
        Sent = sent is "Completeness" or "Question" ? sent : null;
        Input.RespondBy = InformationRequest.DefaultRespondBy(NijmegenTime.DayOf(clock.GetUtcNow()), AtwCalendar.Netherlands)
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Input.Kind = CanRequestCompletion ? InformationRequestKind.Completeness : InformationRequestKind.Question;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return NotFound();
        DateOnly? respondBy = null;
        if (Input.Kind == InformationRequestKind.Completeness)
        {
            if (!DateOnly.TryParseExact(Input.RespondBy?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return Refuse("Input.RespondBy", "Request.Error.TermDate");
            respondBy = day;
        }
        try
        {
            var actor = await access.ActorOnApplicationAsync(User, id);
            await desk.SendAsync(Application, Input.Kind, Input.Text, Input.About,
                respondBy, actor);
        }
        catch (DomainException e)
        {
            return Refuse(FieldOf(e.MessageKey), e.MessageKey);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Refuse("", "Request.Error.ChangedMeanwhile");
        }
        return RedirectToPage(new { id, sent = Input.Kind.ToString() });
    }

    private static string FieldOf(string key) => key switch
    {
        "Request.Error.TextRequired" or "Request.Error.TooLong" => "Input.Text",
        "Request.Error.TermPast" or "Request.Error.TermRequired" or "InformationRequest.Term.Past" => "Input.RespondBy",
        "Request.Error.About" => "Input.About",
        _ => "",
    };

    private PageResult Refuse(string field, string key)
    {
        var message = text[key].Value;
        if (key == "Request.Error.TooLong") message += " " + text["Request.Error.Length", (Input.Text ?? "").Trim().Length];
        ModelState.AddModelError(field, message);
        return Page();
    }

    /// <summary>The application, when this reviewer may assess it (sent in; otherwise 404, as for any other id).</summary>
    private async Task<bool> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id, Capability.Assess) is not { } application) return false;
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        Organisation = await access.ApplicantOfAsync(application);
        Requests = application.InformationRequests.OrderByDescending(r => r.SentAt).ToList();
        LegalDate = application.DecisionDueOn(Scheme, clock.GetUtcNow());
        NotProcessBy = application.NotProcessDecisionDueOn(AtwCalendar.Netherlands);
        return true;
    }
}
