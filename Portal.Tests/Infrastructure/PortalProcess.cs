using System.Collections.Concurrent;
using System.Diagnostics;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// The real portal as a child process (<c>dotnet Portal.dll</c>, the build beside the tests) in environment "Testing", so
/// a test can kill it the hard way (<see cref="Kill"/> is SIGKILL on Linux) and start it again.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private PortalProcess(IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Portal.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Portal__PublicUrl"] = "http://127.0.0.1";
        foreach (var (name, value) in TestCertificate.Default.Settings) start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        foreach (var (name, value) in settings) start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = value;
        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <param name="settings">Configuration as keys ("Smtp:Port"), passed as environment variables.</param>
    public static PortalProcess Start(IReadOnlyDictionary<string, string> settings) => new(settings);

    /// <summary>What the portal wrote to its console (the last lines), for a failing test's message.</summary>
    public string Output => string.Join('\n', output);

    /// <summary>SIGKILL: no shutdown, no finally blocks, no goodbye to the database or the mail server.</summary>
    public void Kill()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: false);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await process.WaitForExitAsync();
        process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        output.Enqueue(line);
        while (output.Count > 200) output.TryDequeue(out _);
    }
}
