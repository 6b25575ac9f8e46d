using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Portal.Accounts;

namespace Portal.Infrastructure.Pages;

/// <summary>
/// One rule for every page: a request runs a handler of the page or gets a plain answer. Razor Pages shows a page
/// without running any handler when none fits the request, so a POST to a page that only shows something rendered it
/// with an empty model (a NullReferenceException, a 500). Now a method the page has no handler for answers 405 with an
/// Allow header, and a form handler name the page does not have answers 404; both with the plain error page.
/// <para>Not judged: GET and HEAD (a page without handlers is shown as it is), the error page when it is re-executed for
/// another request (it answers whatever that request's method was), and a form kept when the session expired and
/// replayed after signing in again (<see cref="KeptForms"/>): when the page takes no such form, the visit the user
/// actually made, a GET, is shown.</para>
/// </summary>
public sealed class PageMethods : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context)
    {
        if (context.HandlerMethod is null && KeptForms.IsReplay(context.HttpContext))
            context.HandlerMethod = context.ActionDescriptor.HandlerMethods
                .FirstOrDefault(h => h.HttpMethod.Equals(HttpMethods.Get, StringComparison.OrdinalIgnoreCase) && string.IsNullOrEmpty(h.Name));
        return Task.CompletedTask;
    }

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var method = http.Request.Method;
        if (context.HandlerMethod is not null || HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || IsReExecuted(http)
            || KeptForms.IsReplay(http))
            return next();

        var allowed = Allowed(context.ActionDescriptor);
        if (allowed.Contains(method, StringComparer.OrdinalIgnoreCase))
        {
            // The page takes this method, but not with this handler name ("?handler=Explode").
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }
        http.Response.Headers.Allow = string.Join(", ", allowed);
        context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
        return Task.CompletedTask;
    }

    /// <summary>The methods the page answers: GET and HEAD always (a page is shown even without a handler), and those of its handlers.</summary>
    public static IReadOnlyList<string> Allowed(CompiledPageActionDescriptor page) =>
        new[] { HttpMethods.Get, HttpMethods.Head }
            .Concat(page.HandlerMethods.Select(h => h.HttpMethod.ToUpperInvariant()))
            .Distinct()
            .ToList();

    private static bool IsReExecuted(HttpContext http) =>
        http.Features.Get<IStatusCodeReExecuteFeature>() is not null || http.Features.Get<IExceptionHandlerFeature>() is not null;
}
