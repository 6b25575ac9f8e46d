using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Portal.Review;

/// <summary>
/// On a reviewer page of one application (route value <c>id</c>): a reviewer who has not yet declared that they have no
/// personal interest in it (art. 2:4 Awb) is sent to its short summary and the declaration first, whichever page of the
/// application they open or post to — so no reviewer page shows the full application before the declaration. A reviewer
/// who declared a conflict has no access left, and the summary answers 404.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class DeclaredNoConflictAttribute : Attribute, IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (context.RouteData.Values["id"] is string raw && Guid.TryParse(raw, out var id))
        {
            var services = context.HttpContext.RequestServices;
            var me = services.GetRequiredService<Applications.ApplicationAccess>().UserId(context.HttpContext.User);
            var reviewCase = await services.GetRequiredService<ReviewDesk>().CaseAsync(id);
            // No case (a draft, another id) or a declared conflict: the page's own access check answers 404.
            if (me is { } reviewer && reviewCase is not null && reviewCase.DeclarationOf(reviewer) is null)
            {
                context.Result = new RedirectToPageResult("/Review/Applications/Index", new { id });
                return;
            }
        }
        await next();
    }
}
