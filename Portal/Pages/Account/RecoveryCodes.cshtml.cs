using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;

namespace Portal.Pages.Account;

/// <summary>Shows the recovery codes once, right after enrolment; the page cannot show them again.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class RecoveryCodesModel : PageModel
{
    public const string TempDataKey = "RecoveryCodes";

    public IReadOnlyList<string> Codes { get; private set; } = [];
    public string ReturnUrl { get; private set; } = "/";

    public void OnGet(string? returnUrl)
    {
        ReturnUrl = SignInFlow.SafeReturnUrl(Url, returnUrl);
        Codes = (TempData[TempDataKey] as string)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
    }
}
