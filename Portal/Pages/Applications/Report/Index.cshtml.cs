using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;
using Portal.Applications;
using Portal.Domain.Access;
using Portal.Domain.Applications;
using Portal.Domain.Common;
using Portal.Domain.Decisions;
using Portal.Domain.Money;
using Portal.Domain.Schemes;
using Portal.Infrastructure.Files;
using Portal.Infrastructure.Localization;
using Portal.Settlement;

namespace Portal.Pages.Applications.Report;

/// <summary>
/// The light report that settles a verlening (issue 12, point 6), on one short page that works as a plain form: did it
/// happen, how many came, what went well, one optional photo or story with the explicit choice to share it, and the cost
/// only when it differed. A member or a coach allowed to fill in sends it, once, from the activity's last day on; anyone
/// else with access reads where it stands. A refused answer comes back with everything typed kept (a photo must be chosen
/// again: a browser never sends a file twice) and the reason beside the field.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(ApplicationAccess access, ActivityReports reports, TimeProvider clock, PortalText text) : PageModel
{
    /// <summary>One photo of at most 10 MB and the answers.</summary>
    public const long MaxRequestBytes = FileInspector.MaxFileBytes + 1024 * 1024;

    public sealed class InputModel
    {
        public string? Happened { get; set; }
        public string? People { get; set; }
        public string? WentWell { get; set; }
        public string? Story { get; set; }
        public string? MayShare { get; set; }
        public string? CostAsPlanned { get; set; }
        public string? ActualCost { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty] public IFormFile? Photo { get; set; }

    public Application Application { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    public ActivityReports.Standing Standing { get; private set; } = default!;
    public bool CanReport { get; private set; }
    public bool IsOpen { get; private set; }

    [Needs(Capability.ViewApplication)]
    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) switch
    {
        null => NotFound(),
        false => NoVerlening(id),
        true => Page(),
    };

    /// <summary>Nothing to report on (no verlening stands): the status page says where the application is. Access was checked.</summary>
    private RedirectResult NoVerlening(Guid id) => Redirect(Url.Page("/Applications/Status", new { id })!);

    [Needs(Capability.EditAnswers)]
    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (await LoadAsync(id) is not { } loaded) return NotFound();
        if (!loaded) return NoVerlening(id);
        var done = Redirect(Url.Page("/Applications/Status", new { id })! + "?reported=1#report");
        // A second click, or a report sent from another tab: it is in, and the first one counts.
        if (Standing.Report is not null) return done;
        if (!IsOpen || !CanReport) return Page();

        var answers = Answers();
        // Every missing answer at once (not one per try), beside its question; what could not be read is there already.
        foreach (var key in ActivityReport.Problems(answers, Photo is { Length: > 0 }))
            if (ModelState[FieldOf(key)] is not { Errors.Count: > 0 }) AddError(FieldOf(key), key);
        if (!ModelState.IsValid) return PhotoAgain();
        FileUpload? upload = null;
        if (Photo is { Length: > 0 } photo)
        {
            if (photo.Length > FileInspector.MaxFileBytes) return Refuse("Photo", "Report.Photo.TooLarge");
            upload = await FileUpload.ReadAsync(photo);
        }
        try
        {
            await reports.SubmitAsync(Standing.Verlening, answers, upload, await access.ActorOnApplicationAsync(User, id));
        }
        catch (DomainException e) when (e.MessageKey == "Report.AlreadySent")
        {
            return done;
        }
        catch (DomainException e)
        {
            return Refuse(FieldOf(e.MessageKey), e.MessageKey);
        }
        return done;
    }

    /// <summary>The answers as typed, read into the domain's terms; what cannot be read is an error beside its field.</summary>
    private ActivityReportAnswers Answers()
    {
        ActivityHappened? happened = Enum.TryParse<ActivityHappened>(Input.Happened, out var h) && Enum.IsDefined(h) ? h : null;
        int? people = null;
        if (!string.IsNullOrWhiteSpace(Input.People))
        {
            if (int.TryParse(AsciiDigits(Input.People).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var count)) people = count;
            else ModelState.AddModelError("Input.People", text["Report.People.Number"]);
        }
        Money? actual = null;
        if (Input.CostAsPlanned == "no" && !string.IsNullOrWhiteSpace(Input.ActualCost))
        {
            if (MoneyParser.TryParse(AsciiDigits(Input.ActualCost), out var amount, out var error)) actual = amount;
            else ModelState.AddModelError("Input.ActualCost", text[error!]);
        }
        return new ActivityReportAnswers(happened, people, Input.WentWell, Input.Story, YesNo(Input.MayShare), YesNo(Input.CostAsPlanned), actual);
    }

    private static bool? YesNo(string? value) => value switch { "yes" => true, "no" => false, _ => null };

    /// <summary>Digits as typed on an Arabic or Persian keyboard ("٢٥") read as the same number.</summary>
    public static string AsciiDigits(string value)
    {
        var result = new StringBuilder(value.Length);
        foreach (var c in value) result.Append(char.IsDigit(c) ? (char)('0' + (int)char.GetNumericValue(c)) : c);
        return result.ToString();
    }

    private static string FieldOf(string key) => key switch
    {
        "Report.Happened.Required" => "Input.Happened",
        "Report.People.Required" or "Report.People.Range" => "Input.People",
        "Report.WentWell.Required" or "Report.WentWell.TooLong" => "Input.WentWell",
        "Report.Story.TooLong" => "Input.Story",
        "Report.Share.Required" => "Input.MayShare",
        "Report.Cost.Required" => "Input.CostAsPlanned",
        "Report.Cost.AmountRequired" or "Money.Negative" => "Input.ActualCost",
        "Report.NotYet" or "Report.NotAVerlening" or "Application.NotYours" => "",
        _ => "Photo",
    };

    private PageResult Refuse(string field, string key)
    {
        AddError(field, key);
        return PhotoAgain();
    }

    private void AddError(string field, string key)
    {
        var message = text[key].Value;
        if (key is "Report.WentWell.TooLong" or "Report.Story.TooLong")
            message += " " + text["Report.Length", ((field == "Input.Story" ? Input.Story : Input.WentWell) ?? "").Trim().Length, ActivityReport.MaxTextLength];
        ModelState.AddModelError(field, message);
    }

    /// <summary>A refused form with a photo chosen: the browser will not send it again, so say so beside the photo.</summary>
    private PageResult PhotoAgain()
    {
        if (Photo is { Length: > 0 } && ModelState["Photo"] is not { Errors.Count: > 0 }) ModelState.AddModelError("Photo", text["Report.Photo.ChooseAgain"]);
        return Page();
    }

    /// <returns>Null when the application is not this reader's; false when no verlening stands to report on.</returns>
    private async Task<bool?> LoadAsync(Guid id)
    {
        if (await access.ApplicationAsync(User, id) is not { } application) return null;
        if (await reports.StandingAsync(id) is not { } standing) return false;
        Application = application;
        Scheme = await access.SchemeOfAsync(application);
        Standing = standing;
        IsOpen = ActivityReport.Open(standing.Verlening, clock.GetUtcNow());
        CanReport = (await access.OnApplicationAsync(User, id))?.Allows(Capability.EditAnswers) == true;
        return true;
    }
}
