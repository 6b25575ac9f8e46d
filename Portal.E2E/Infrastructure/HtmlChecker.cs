using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Serialization;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// The Nu Html Checker (vnu.jar from npm, the checker behind validator.w3.org/nu) as a local web service, started
/// once per test run on first use: reading its schemas and the spec takes 30 s on a quiet machine and minutes on a
/// loaded one (hence the 10-minute start limit), after that a page takes well under a second.
/// Every page a test looks at is sent to it (<see cref="Journey"/>); an error fails the test, a warning does not.
/// </summary>
/// <remarks>
/// Java is started by a small shell that kills it as soon as its standard input closes, so the checker ends with
/// the test process, also when that process is killed: it never outlives a run or holds a port.
/// </remarks>
public sealed class HtmlChecker
{
    private static readonly Lazy<Task<HtmlChecker>> Started = new(StartAsync);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(90) };

    private readonly Uri _url;
    private readonly Process _shell;

    private HtmlChecker(Uri url, Process shell)
    {
        _url = url;
        _shell = shell;
    }

    /// <summary>Starts the checker in the background now (it is needed by the first page a test looks at).</summary>
    public static void Warm() => _ = Started.Value;

    /// <summary>The checker's errors for a whole document, each as one readable line; empty when the page is valid.</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(string html)
    {
        var checker = await Started.Value;
        return await checker.CheckAsync(html);
    }

    /// <summary>
    /// The errors of an htmx fragment (a partial view), checked inside a minimal document whose body it becomes,
    /// as htmx puts it into the page.
    /// </summary>
    public static Task<IReadOnlyList<string>> FragmentErrorsAsync(string fragment) =>
        ErrorsAsync($"<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>fragment</title></head><body>\n{fragment}\n</body></html>");

    private async Task<IReadOnlyList<string>> CheckAsync(string html)
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(html));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/html") { CharSet = "utf-8" };
        using var response = await Http.PostAsync(new Uri(_url, "?out=json"), content);
        response.EnsureSuccessStatusCode();
        var report = await response.Content.ReadFromJsonAsync<Report>() ?? throw new InvalidOperationException("vnu answered nothing");
        // "error" is invalid HTML; "non-document-error" means the checker could not check (that must not pass either).
        return [.. report.Messages.Where(m => m.Type is "error" or "non-document-error")
            .Select(m => $"line {m.LastLine}: {m.Message} [{m.Extract?.ReplaceLineEndings(" ").Trim()}]")];
    }

    private static async Task<HtmlChecker> StartAsync()
    {
        var jar = Path.Combine(RepositoryRoot(), "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        if (!File.Exists(jar)) throw new InvalidOperationException($"{jar} is missing: run 'npm ci' in the repository root (make test does).");
        var port = FreePort();
        var log = Path.Combine(Path.GetTempPath(), $"vnu-{port}.log");
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, UseShellExecute = false };
        // -Xmx: a good neighbour on a shared 2-core machine; the checker needs far less for pages this size.
        foreach (var argument in (string[])["-c",
                     "java -Xmx512m -Dnu.validator.servlet.bind-address=127.0.0.1 -cp \"$1\" nu.validator.servlet.Main \"$2\" >\"$3\" 2>&1 & " +
                     "read -r _; kill $! 2>/dev/null; wait", "vnu", jar, port.ToString(System.Globalization.CultureInfo.InvariantCulture), log])
            start.ArgumentList.Add(argument);
        Process shell;
        try
        {
            shell = Process.Start(start)!;
        }
        catch (Exception e)
        {
            throw new InvalidOperationException("Could not start the HTML checker's shell.", e);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(shell);

        var url = new Uri($"http://127.0.0.1:{port}/");
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var probe = await Http.GetAsync(url);
                if (probe.StatusCode == HttpStatusCode.OK) return new HtmlChecker(url, shell);
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            if (shell.HasExited || deadline.Elapsed > TimeSpan.FromMinutes(10))
            {
                Stop(shell);
                var said = File.Exists(log) ? await File.ReadAllTextAsync(log) : "";
                throw new InvalidOperationException(
                    "The Nu Html Checker did not start. It needs Java 11 or later on the PATH " +
                    $"(make test installs Debian's default-jre-headless). It said:\n{said}");
            }
            await Task.Delay(250);
        }
    }

    private static void Stop(Process shell)
    {
        try
        {
            if (shell.HasExited) return;
            shell.StandardInput.Close(); // the shell kills Java and ends
            shell.WaitForExit(5000);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException)
        {
            // already gone
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
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
        [property: JsonPropertyName("lastLine")] int LastLine,
        [property: JsonPropertyName("message")] string Message,
        [property: JsonPropertyName("extract")] string? Extract);
}
