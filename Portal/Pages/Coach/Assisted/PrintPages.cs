using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Portal.Accounts;
using Portal.Applications;
using Portal.Domain.Applications;
using Portal.Domain.Assisted;
using Portal.Domain.Organisations;
using Portal.Domain.Schemes;

namespace Portal.Pages.Coach.Assisted;

/// <summary>
/// A printable page about one assisted application, in the person's language (one A4 sheet; the site's print styles
/// hide navigation and buttons). Only the assisting coach may open it.
/// </summary>
public abstract class AssistedPrintModel(AssistedApplications assisted, ApplicationAccess access, TimeProvider clock) : AssistedPageModel
{
    public AssistedApplication Assisted { get; private set; } = default!;
    public Application Application { get; private set; } = default!;
    public Organisation Organisation { get; private set; } = default!;
    public Scheme Scheme { get; private set; } = default!;
    /// <summary>The letter states the decision date as it stands today (an extended term included).</summary>
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (await assisted.ForAsync(await access.OnApplicationAsync(User, id), id) is not { } found
            || await access.ApplicationAsync(User, id) is not { } application)
            return NotFound();
        Assisted = found;
        Application = application;
        Organisation = await access.ApplicantOfAsync(application);
        Scheme = await access.SchemeOfAsync(application);
        return Page();
    }
}

/// <summary>The written authorisation (Awb 2:1(3)) the person signs on paper before the coach may send in for them.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class AuthorisationModel(AssistedApplications assisted, ApplicationAccess access, TimeProvider clock) : AssistedPrintModel(assisted, access, clock);

/// <summary>Check your answers on paper, with lines for the person's and the coach's signature.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class AnswersModel(AssistedApplications assisted, ApplicationAccess access, TimeProvider clock) : AssistedPrintModel(assisted, access, clock);

/// <summary>The confirmation letter for the person: handed over or posted, when they do not read email.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class LetterModel(AssistedApplications assisted, ApplicationAccess access, TimeProvider clock) : AssistedPrintModel(assisted, access, clock);
