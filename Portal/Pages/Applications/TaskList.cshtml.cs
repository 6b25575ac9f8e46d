using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Portal.Accounts;
using Portal.Applications;
using Portal.Data;
using Portal.Domain.Applications;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;
using Portal.Pages.Applications.Activity;
using Portal.Domain.Access;

namespace Portal.Pages.Applications;

/// <summary>The application as a task list: each section with its status, and "check and send" once the rest is done.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class TaskListModel(ApplicationAccess access, QuestionComments comments) : PageModel
{
    [TempData] public string? DraftSaved { get; set; }

    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public Organisation Organisation { get; private set; } = default!;
    public bool AttachmentsNeeded { get; private set; }
    public bool ReadyToCheck { get; private set; }
    public string ActivityUrl { get; private set; } = "";
    /// <summary>Comments not marked done yet, per section ("activity", "budget"…), shown as "1 opmerking" beside it.</summary>
    public IReadOnlyDictionary<string, int> OpenComments { get; private set; } = new Dictionary<string, int>();
    /// <summary>A member may let a coach in ("Wie helpt mee"); a coach does not manage their own consent.</summary>
    public bool ManagesCoaches { get; private set; }

    [Needs(Capability.ViewApplication)]
    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id) is not { } application) return NotFound();
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        Organisation = await access.ApplicantOfAsync(application);
        AttachmentsNeeded = Scheme.DocumentsToUpload(application.Requested).Count > 0;
        ReadyToCheck = application.ActivityStatus == SectionStatus.Done
                       && application.BudgetStatus == SectionStatus.Done
                       && application.AttachmentsStatus(Scheme) == SectionStatus.Done;
        OpenComments = await comments.OpenPerSectionAsync(id);
        ManagesCoaches = (await access.OnApplicationAsync(User, id))?.Allows(Capability.GrantCoachAccess) == true;
        ActivityUrl = Url.Page("/Applications/Activity/Question", new { id, question = ActivityQuestion.FirstUnanswered(application).Slug })!;
        return Page();
    }

    public static string StatusKey(SectionStatus status) => status switch
    {
        SectionStatus.Done => "TaskList.Status.Done",
        SectionStatus.InProgress => "TaskList.Status.InProgress",
        _ => "TaskList.Status.NotStarted",
    };

    public static string StatusClass(SectionStatus status) => status switch
    {
        SectionStatus.Done => "status status--done",
        SectionStatus.InProgress => "status status--progress",
        _ => "status",
    };
}
