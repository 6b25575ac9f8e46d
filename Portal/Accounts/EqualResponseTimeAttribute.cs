using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Portal.Accounts;

/// <summary>
/// A form post on this page is answered no sooner than <see cref="Milliseconds"/> after it arrived. The pages that
/// answer the same for a known and an unknown address (sign-in, register, forgotten password, sign-in link) also do
/// the same work for both, but a few database writes still differ; this floor, set above their normal cost, makes the
/// time say nothing either. The wait is asynchronous: it holds no thread.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class EqualResponseTimeAttribute(int milliseconds) : Attribute, IAsyncPageFilter
{
    public int Milliseconds { get; } = milliseconds;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        await next();
        if (!HttpMethods.IsPost(context.HttpContext.Request.Method)) return;
        var remaining = TimeSpan.FromMilliseconds(Milliseconds) - Stopwatch.GetElapsedTime(started);
        if (remaining > TimeSpan.Zero) await Task.Delay(remaining, context.HttpContext.RequestAborted);
    }
}
