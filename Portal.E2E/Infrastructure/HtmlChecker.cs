using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// The Nu Html Checker (vnu.jar from npm, the checker behind validator.w3.org/nu) on the command line: one Java run
/// checks a whole batch of documents (a test's pages, at its end). Errors fail, warnings do not.
/// </summary>
/// <remarks>
/// Not the checker's web service: that one reads every schema and the whole HTML spec before it answers, which took
/// over ten minutes on a loaded 2-core machine; the command line reads only what it needs (5–20 s a batch).
/// </remarks>
public static class HtmlChecker
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    /// <summary>The checker's errors for a whole document, each as one readable line; empty when the page is valid.</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(string html) =>
        (await ErrorsAsync([("document", html)])).GetValueOrDefault("document") ?? [];

    /// <summary>
    /// The errors of an htmx fragment (a partial view), checked inside a minimal document whose body it becomes,
    /// as htmx puts it into the page.
    /// </summary>
    public static Task<IReadOnlyList<string>> FragmentErrorsAsync(string fragment) => ErrorsAsync(AsDocument(fragment));

    public static string AsDocument(string fragment) =>
        $"<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>fragment</title></head><body>\n{fragment}\n</body></html>";

    /// <summary>Checks every document in one run; the answer has an entry for each label with at least one error.</summary>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ErrorsAsync(IReadOnlyList<(string Label, string Html)> documents)
    {
        if (documents.Count == 0) return new Dictionary<string, IReadOnlyList<string>>();
        var jar = Path.Combine(RepositoryRoot(), "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        if (!File.Exists(jar)) throw new InvalidOperationException($"{jar} is missing: run 'npm ci' in the repository root (make test does).");
        var folder = Directory.CreateTempSubdirectory("vnu-");
        try
        {
            var labels = new Dictionary<string, string>();
            for (var i = 0; i < documents.Count; i++)
            {
                var file = Path.Combine(folder.FullName, $"{i:D4}.html");
                await File.WriteAllTextAsync(file, documents[i].Html, new UTF8Encoding(false));
                labels[$"{i:D4}.html"] = documents[i].Label;
            }
            var start = new ProcessStartInfo("java") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            // -Xmx: a good neighbour on a shared 2-core machine; one at a time for the same reason.
            foreach (var argument in (string[])["-Xmx512m", "-jar", jar, "--format", "json", "--stdout", "--exit-zero-always", "--errors-only", folder.FullName])
                start.ArgumentList.Add(argument);
            string output, said;
            await OneAtATime.WaitAsync();
            try
            {
                using var java = Process.Start(start) ?? throw new InvalidOperationException("java did not start");
                var reading = java.StandardOutput.ReadToEndAsync();
                var errorText = java.StandardError.ReadToEndAsync();
                await java.WaitForExitAsync();
                (output, said) = (await reading, await errorText);
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("The Nu Html Checker needs Java 11 or later on the PATH (make test installs Debian's default-jre-headless).", e);
            }
            finally
            {
                OneAtATime.Release();
            }
            var report = JsonSerializer.Deserialize<Report>(output)
                         ?? throw new InvalidOperationException("vnu answered nothing: " + said);
            var errors = new Dictionary<string, IReadOnlyList<string>>();
            // "error" is invalid HTML; "non-document-error" means the checker could not check (that must not pass either).
            foreach (var group in report.Messages.Where(m => m.Type is "error" or "non-document-error")
                         .GroupBy(m => labels.GetValueOrDefault(Path.GetFileName(m.Url ?? "")) ?? "?"))
                errors[group.Key] = [.. group.Select(m => $"line {m.LastLine}: {m.Message} [{m.Extract?.ReplaceLineEndings(" ").Trim()}]")];
            return errors;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Portal.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Portal.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed record Report([property: JsonPropertyName("messages")] IReadOnlyList<Finding> Messages);

    private sealed record Finding(
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("url")] string? Url,
        [property: JsonPropertyName("lastLine")] int LastLine,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("extract")] string? Extract);
}
