using System.Diagnostics;
using System.Globalization;
using Portal.Tests.Localization;

namespace Portal.Tests.Infrastructure;

/// <summary>Runs alone, after the parallel collections: the benchmark loads both cores, and other tests time responses.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BenchmarkCollection
{
    public const string Name = "benchmark script";
}

/// <summary>
/// scripts/bench.sh is a benchmark, not a test, so nothing else would notice when a page it measures moves, a form gains
/// a field or sign-in changes: its smoke mode runs here, and every endpoint must have answered, and only with 2xx.
/// </summary>
[Collection(BenchmarkCollection.Name)]
public sealed class BenchmarkScriptTests
{
    private static readonly string[] Endpoints =
    [
        "bare Kestrel (2 KB)", "home, anonymous", "catalogue /schemes, anonymous", "scheme page, anonymous", "task list",
        "activity question", "budget page", "autosave POST (htmx, unchanged)", "add a budget row POST (htmx)",
        "check your answers", "status, submitted",
        // The reviewers' inbox over generated applications, signed in as the demo reviewer with the second factor (issue 11).
        "inbox, first page (4 connections)", "inbox, page 41 (4 connections)", "inbox, filters (scheme, district, first time) (4 connections)",
        "inbox, search (organisation name) (4 connections)",
    ];

    [Fact]
    public async Task The_benchmark_in_smoke_mode_gets_only_2xx_answers_from_every_endpoint()
    {
        var root = ResourceFilesTests.RepositoryRoot();
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(root, "scripts", "bench.sh"));
        start.ArgumentList.Add("--quick");
        start.ArgumentList.Add("--no-build"); // the build beside these tests (Portal.Tests builds the bench projects)
        start.Environment["PORTAL_TEST_PG"] = TestServer.ConnectionString;
        start.Environment["BENCH_CONFIGURATION"] = Configuration();

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // SIGTERM first: the script's trap stops the portal and drops its database.
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(30))) process.Kill(entireProcessTree: true);
            Assert.Fail($"scripts/bench.sh --quick did not finish in 5 minutes\n{await errors}");
        }
        var table = await output;
        var log = $"{table}\n{await errors}";

        var rows = table.Split('\n')
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| endpoint", StringComparison.Ordinal))
            .Select(line => line.Trim('|').Split('|').Select(cell => cell.Trim()).ToArray())
            .ToDictionary(cells => cells[0]);
        Assert.True(process.ExitCode == 0, $"scripts/bench.sh --quick exited with {process.ExitCode}\n{log}");
        Assert.Equal(Endpoints.Order(), rows.Keys.Order());
        foreach (var endpoint in Endpoints)
        {
            var cells = rows[endpoint]; // endpoint, requests/s, p50, p95, p99, non-2xx, socket errors, share
            Assert.True(double.Parse(cells[1], CultureInfo.InvariantCulture) > 0, $"{endpoint}: no requests\n{log}");
            Assert.True(cells[5] == "0", $"{endpoint}: {cells[5]} answers were not 2xx\n{log}");
            Assert.True(cells[6] == "0", $"{endpoint}: {cells[6]} socket errors\n{log}");
        }
    }

    /// <summary>Debug or Release: the build these tests run from (…/bin/Release/net10.0/), so the script runs the same.</summary>
    private static string Configuration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
}
