using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Domain.Accounts;

namespace Portal.Pages.Coach.Assisted;

/// <summary>
/// The pages a coach uses to help someone who is not online. The Staff policy on each page asks a second factor; here
/// the Coach role is asked too, and anyone else gets "not found" (a reviewer has no business here, and need not learn
/// that these pages exist).
/// </summary>
public abstract class AssistedPageModel : PageModel
{
    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (!User.IsInRole(Roles.Coach))
        {
            context.Result = NotFound();
            return;
        }
        await next();
    }
}

/// <summary>
/// Renders a part of a page in the person's language (the authorisation, the letter, the answers to sign): the coach's
/// own pages stay in the coach's language. Used around synchronous markup only, as culture does not flow back out of
/// an awaited call.
/// </summary>
public sealed class InLanguage : IDisposable
{
    private readonly (CultureInfo Ui, CultureInfo Formatting) previous = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);

    public InLanguage(string code)
    {
        Language = Domain.Languages.Languages.Get(code);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(Language.Code);
    }

    public Domain.Languages.Language Language { get; }

    public void Dispose() => (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = previous;
}
