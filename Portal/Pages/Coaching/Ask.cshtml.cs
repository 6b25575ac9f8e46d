using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Portal.Applications;
using Portal.Coaching;
using Portal.Data;
using Portal.Domain.Access;
using Portal.Domain.Coaching;
using Portal.Domain.Common;
using Portal.Domain.Languages;
using Portal.Domain.Terms;
using Portal.Infrastructure;
using Portal.Infrastructure.Localization;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Web;

namespace Portal.Pages.Coaching;

/// <summary>
/// "Vraag hulp aan een coach" (issue 10, point 1): one plain screen, reached from every page. It remembers where the
/// person was; signed in, their account and group are known, otherwise a name and a phone number or email address. As a
/// page without JavaScript; htmx shows it in a dialog and swaps in the confirmation. Rate-limited per client address.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitOptions.HelpRequest)]
public sealed class AskModel(ApplicationAccess access, AskForCoach ask, UserManager<PortalUser> users, TimeProvider clock, PortalText text)
    : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public HelpTopic? Topic { get; set; }
        public string? Question { get; set; }
        public HelpChannel? Channel { get; set; }
        public string? Language { get; set; }
        public List<ReachableAt> ReachableAt { get; set; } = [];
        public bool InterpreterNeeded { get; set; }
        public CoachGender CoachGender { get; set; }
        public string? Name { get; set; }
        public string? Phone { get; set; }
        public string? Email { get; set; }
    }

    public HelpOrigin Origin { get; private set; } = new("/");
    public string OriginText => HelpOrigins.Describe(Origin, text);
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    /// <summary>After asking: the request, whether it was already there, and the coach's name when one was chosen.</summary>
    public AskForCoach.Asked? Asked { get; private set; }

    public bool AsDialog => Request.WantsFragment();

    public async Task<IActionResult> OnGetAsync()
    {
        await FindOriginAsync();
        Input.Language = Origin.ApplicationId is { } id && await access.ApplicationAsync(User, id) is { } application
            ? application.AnswerLanguage is var code && code != AnswerLanguages.Other ? code : LocalizationSetup.Current.Code
            : LocalizationSetup.Current.Code;
        return Answer();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await FindOriginAsync();
        var user = SignedIn ? await users.GetUserAsync(User) : null;
        // Each field on its own first, so that every mistake shows at once; then the rules that combine them.
        Check("Input.Name", () =>
        {
            if ((UserText.Name(Input.Name) ?? "").Length == 0) throw new DomainException("Coaching.Request.NameRequired");
        });
        if (!string.IsNullOrWhiteSpace(Input.Phone)) Check("Input.Phone", () => PhoneNumber.Normalise(Input.Phone));
        Requester? requester = null;
        if (ModelState.IsValid)
            Check(null, () => requester = user is not null
                ? Requester.Account(user.Id, Input.Name ?? "", user.Email!, Input.Phone)
                : Requester.Anonymous(Input.Name ?? "", Input.Phone, Input.Email));
        if (Input.Topic is null) ModelState.AddModelError("Input.Topic", text["Coaching.Ask.Topic.Required"]);
        if (Input.Channel is null) ModelState.AddModelError("Input.Channel", text["Coaching.Ask.Channel.Required"]);
        if (!ModelState.IsValid) return Answer();

        var organisationId = user is null ? null
            : Origin.ApplicationId is { } applicationId && await access.ApplicationAsync(User, applicationId) is { } application
                ? application.OrganisationId
                : (await access.OrganisationsOfAsync(User)).FirstOrDefault()?.Id;
        await CheckAsync(null, async () => Asked = await ask.AskAsync((organisation, neighbourhood) => new HelpRequest(Origin, Input.Topic!.Value, Input.Question,
                Input.Channel!.Value, Input.Language ?? "", Input.ReachableAt.Aggregate(Domain.Coaching.ReachableAt.None, (all, one) => all | one),
                Input.InterpreterNeeded, Input.CoachGender, requester!, clock.GetUtcNow(), AtwCalendar.Netherlands, organisation, neighbourhood),
                organisationId));
        return Answer();
    }

    /// <summary>The dialog's content for htmx (the form again, or the confirmation), the whole page otherwise.</summary>
    private IActionResult Answer()
    {
        Response.Headers.Vary = "HX-Request";
        return AsDialog ? Partial("_Ask", this) : Page();
    }

    private async Task FindOriginAsync()
    {
        var from = Url.LocalOrNull(From);
        var applicationId = HelpOrigins.Of(from, _ => (true, null)).ApplicationId;
        var application = applicationId is { } id ? await access.ApplicationAsync(User, id) : null;
        var scheme = application is null ? null : (await access.SchemeOfAsync(application)).Slug;
        Origin = HelpOrigins.Of(from, _ => (application is not null, scheme));
        From = from;
    }

    private void Check(string? field, Action rule) => CheckAsync(field, () => { rule(); return Task.CompletedTask; }).GetAwaiter().GetResult();

    private async Task CheckAsync(string? field, Func<Task> rule)
    {
        try
        {
            await rule();
        }
        catch (DomainException refused)
        {
            ModelState.AddModelError(field ?? FieldOf(refused.MessageKey), text[refused.MessageKey]);
        }
    }

    /// <summary>The field a refusal is about, so the error summary links to it.</summary>
    private static string FieldOf(string key) => key switch
    {
        "Coaching.Request.NameRequired" or "Coaching.Request.NameTooLong" or UserText.NotOneLineKey => "Input.Name",
        "Coaching.Request.Email" or "Coaching.Request.EmailForChannel" => "Input.Email",
        "Coaching.Request.PhoneOrEmail" or "Coaching.Request.PhoneForChannel" => "Input.Phone",
        _ when key.StartsWith("Coaching.Phone.", StringComparison.Ordinal) => "Input.Phone",
        "Coaching.Request.Language" => "Input.Language",
        "Coaching.Request.ReachableAt" => "Input.ReachableAt",
        "Coaching.Request.QuestionTooLong" or "Coaching.Request.QuestionRequired" => "Input.Question",
        _ => "Input.Topic",
    };
}
