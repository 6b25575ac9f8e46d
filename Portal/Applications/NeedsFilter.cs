using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Portal.Domain.Access;

namespace Portal.Applications;

/// <summary>
/// Every handler of a page about one application or organisation (its address starts with "applications/{id" or
/// "organisation/{id") names the capability it needs (<see cref="NeedsAttribute"/>). This filter asks the access check
/// before the handler runs and answers 404 when the user's grants do not allow it. A handler that names nothing is a
/// programming error: it fails loudly rather than open silently.
/// </summary>
public sealed class NeedsFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var scope = ScopeOf(context.ActionDescriptor.AttributeRouteInfo?.Template);
        if (scope is null || context.HandlerMethod is null
            || !Guid.TryParse(context.RouteData.Values["id"]?.ToString(), out var id))
        {
            await next();
            return;
        }
        var needs = NeedsOf.GetOrAdd(context.HandlerMethod.MethodInfo, static method => method.GetCustomAttribute<NeedsAttribute>())
            ?? throw new InvalidOperationException(
                $"{context.ActionDescriptor.DisplayName} {context.HandlerMethod.MethodInfo.Name} names no capability: add [Needs(...)].");
        var access = context.HttpContext.RequestServices.GetRequiredService<ApplicationAccess>();
        var grants = scope == Scope.Application
            ? await access.OnApplicationAsync(context.HttpContext.User, id)
            : await access.OnOrganisationAsync(context.HttpContext.User, id);
        if (grants?.Allows(needs.Capability) != true)
        {
            context.Result = new NotFoundResult();
            return;
        }
        await next();
    }

    /// <summary>Reading a handler's attribute is reflection: done once per handler, not on every request.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<MethodInfo, NeedsAttribute?> NeedsOf = new();

    public enum Scope { Application, Organisation }

    /// <summary>Whether a page's route is about one application or one organisation (and which).</summary>
    public static Scope? ScopeOf(string? routeTemplate) => routeTemplate?.TrimStart('/') switch
    {
        { } t when t.StartsWith("applications/{id", StringComparison.Ordinal) => Scope.Application,
        { } t when t.StartsWith("organisation/{id", StringComparison.Ordinal) => Scope.Organisation,
        _ => null,
    };
}
