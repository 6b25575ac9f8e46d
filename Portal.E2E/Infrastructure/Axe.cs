using System.Runtime.CompilerServices;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// axe-core through Deque.AxeCore.Playwright, made fast enough to run on every page:
/// <list type="bullet">
/// <item>axe is loaded into every document by a context init script (<see cref="Source"/>), instead of sending its
/// 650 KB over the wire on each check;</item>
/// <item>the check runs axe in the page itself (Deque's legacy mode). The default <c>page.RunAxe</c> also opens a new
/// browser context for axe's "finishRun" step and injects axe twice: measured 2–4 s per page here against ~0.2 s.
/// The portal has no iframes, which is what the default mode adds.</item>
/// </list>
/// With JavaScript disabled axe cannot run in the page (its timers never fire), so the page's markup is checked in a
/// scripted copy instead (<see cref="BrowserFixture.OpenInspectableCopyAsync"/>).
/// </summary>
public static class Axe
{
    /// <summary>The WCAG levels the portal promises (ENGINEERING.md): A and AA of WCAG 2.0, 2.1 and 2.2.</summary>
    private static readonly List<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static string Source { get; } = new BundledAxeScriptProvider().GetScript();

    /// <summary>Contexts opened with JavaScript disabled (Playwright cannot tell afterwards).</summary>
    private static readonly ConditionalWeakTable<IBrowserContext, object> ScriptlessContexts = [];

    public static void MarkScriptless(IBrowserContext context) => ScriptlessContexts.AddOrUpdate(context, new object());

    /// <summary>Runs axe-core on the page as it is now and fails with a readable list when anything is violated.</summary>
    public static async Task AssertNoAxeViolationsAsync(this IPage page, string? state = null)
    {
        var scriptless = ScriptlessContexts.TryGetValue(page.Context, out _);
        var target = scriptless ? await BrowserFixture.OpenInspectableCopyAsync(page) : page;
        AxeResult result;
        try
        {
            var options = new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = Tags } };
#pragma warning disable CS0618 // legacy mode: see the class comment
            // axe is already in the page (init script): "void 0" as source makes the embedding step a no-op.
            result = await target.RunAxeLegacy(null, options, "void 0").WaitAsync(TimeSpan.FromSeconds(30));
#pragma warning restore CS0618
        }
        finally
        {
            if (scriptless) await target.CloseAsync();
        }
        if (result.Violations is not { Length: > 0 } violations) return;

        var report = new StringBuilder();
        report.AppendLine($"axe found {violations.Length} kind(s) of WCAG violation on {page.Url}{(state is null ? "" : $" ({state})")}:");
        foreach (var violation in violations)
        {
            report.AppendLine($"- {violation.Id} [{violation.Impact}]: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                report.AppendLine($"    at {node.Target}: {node.Html}");
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? []).Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m));
                foreach (var message in checks.Distinct()) report.AppendLine($"      {message}");
            }
        }
        Assert.Fail(report.ToString());
    }
}
