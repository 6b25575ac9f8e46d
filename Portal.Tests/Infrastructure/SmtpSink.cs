using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 that accepts every message and keeps it: enough of RFC 5321 for
/// System.Net.Mail (greeting, EHLO/HELO, MAIL, RCPT, DATA with dot-stuffing, RSET, NOOP, QUIT).
/// The portal talks real SMTP to it over a real socket.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<ReceivedMail> received = new();
    private readonly List<Task> sessions = [];
    private readonly Task accepting;

    /// <param name="port">0 for any free port; a fixed port lets a test bring a mail server "back" where the portal expects it.</param>
    public SmtpSink(int port = 0)
    {
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>A loopback port that is free now (nothing listens on it until someone starts a listener there).</summary>
    public static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public IReadOnlyList<ReceivedMail> Received => [.. received];

    /// <summary>The messages received for <paramref name="address"/>.</summary>
    public IReadOnlyList<ReceivedMail> To(string address) =>
        [.. received.Where(m => m.To.Contains(address, StringComparer.OrdinalIgnoreCase))];

    public void Clear() => received.Clear();

    /// <summary>Waits until a message for <paramref name="address"/> has arrived, or fails after <paramref name="timeout"/>.</summary>
    public async Task<ReceivedMail> WaitForAsync(string address, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (To(address) is [.., var last]) return last;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No email to {address} arrived within {limit}.");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived, or fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (received.Count < count)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Expected {count} email(s) within {timeout ?? TimeSpan.FromSeconds(10)}, received {received.Count}.");
            await Task.Delay(20);
        }
        return Received;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try { await accepting; } catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { }
        Task[] running;
        lock (sessions) running = [.. sessions];
        await Task.WhenAll(running.Select(async s => { try { await s; } catch { /* a session cut short by stopping */ } }));
        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            lock (sessions) sessions.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();
        // Latin-1 maps bytes to chars one to one, so the raw message survives for decoding later.
        using var reader = new StreamReader(stream, Encoding.Latin1, false, 4096, leaveOpen: true);
        await using var writer = new StreamWriter(stream, Encoding.ASCII, 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
        var token = stopping.Token;

        await writer.WriteLineAsync("220 localhost test SMTP sink");
        string? from = null;
        var recipients = new List<string>();
        while (await reader.ReadLineAsync(token) is { } line)
        {
            var verb = (line.Length >= 4 ? line[..4] : line).ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                case "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "MAIL":
                    from = Address(line);
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    recipients.Add(Address(line));
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(token) is { } dataLine && dataLine != ".")
                        data.Append(dataLine.StartsWith('.') ? dataLine[1..] : dataLine).Append("\r\n");
                    received.Enqueue(ReceivedMail.Parse(from ?? "", [.. recipients], data.ToString()));
                    await writer.WriteLineAsync("250 OK: queued");
                    break;
                case "RSET":
                    from = null;
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }

    private static string Address(string line) =>
        Regex.Match(line, "<(?<a>[^>]*)>") is { Success: true } m ? m.Groups["a"].Value : line[(line.IndexOf(':') + 1)..].Trim();
}

/// <summary>A message as it arrived, with its subject and text body decoded from MIME (encoded words, base64, quoted-printable).</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Raw,
    IReadOnlyDictionary<string, string> Headers, string Subject, string TextBody)
{
    public static ReceivedMail Parse(string from, IReadOnlyList<string> to, string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? raw : raw[..split];
        var body = split < 0 ? "" : raw[(split + 4)..];

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? last = null;
        foreach (var line in head.Split("\r\n"))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && last is not null)
            {
                headers[last] += line; // unfold a continued header
            }
            else if (line.IndexOf(':') is var colon and > 0)
            {
                last = line[..colon].Trim();
                headers[last] = line[(colon + 1)..].Trim();
            }
        }

        var charset = headers.TryGetValue("Content-Type", out var type)
            && Regex.Match(type, "charset=\"?(?<c>[^\";]+)", RegexOptions.IgnoreCase) is { Success: true } c
            ? Encoding.GetEncoding(c.Groups["c"].Value) : Encoding.ASCII;
        var bytes = (headers.GetValueOrDefault("Content-Transfer-Encoding") ?? "7bit").ToLowerInvariant() switch
        {
            "base64" => Convert.FromBase64String(string.Concat(body.Where(ch => !char.IsWhiteSpace(ch)))),
            "quoted-printable" => QuotedPrintable(body, underscoreIsSpace: false),
            _ => Encoding.Latin1.GetBytes(body),
        };
        var text = charset.GetString(bytes);
        if (text.EndsWith("\r\n", StringComparison.Ordinal)) text = text[..^2];

        return new ReceivedMail(from, to, raw, headers, DecodeWords(headers.GetValueOrDefault("Subject") ?? ""), text);
    }

    /// <summary>Decodes RFC 2047 encoded words (=?charset?B|Q?text?=); whitespace between two encoded words is dropped.</summary>
    private static string DecodeWords(string value)
    {
        var joined = Regex.Replace(value, @"\?=\s+=\?", "?==?");
        return Regex.Replace(joined, @"=\?(?<charset>[^?]+)\?(?<enc>[BbQq])\?(?<text>[^?]*)\?=", m =>
        {
            var encoding = Encoding.GetEncoding(m.Groups["charset"].Value);
            var text = m.Groups["text"].Value;
            var bytes = m.Groups["enc"].Value is "B" or "b"
                ? Convert.FromBase64String(text)
                : QuotedPrintable(text, underscoreIsSpace: true);
            return encoding.GetString(bytes);
        });
    }

    private static byte[] QuotedPrintable(string text, bool underscoreIsSpace)
    {
        var result = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch == '=' && i + 2 < text.Length && text[i + 1] == '\r' && text[i + 2] == '\n') { i += 2; continue; } // soft line break
            if (ch == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                result.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
                continue;
            }
            result.Add(underscoreIsSpace && ch == '_' ? (byte)' ' : (byte)ch);
        }
        return [.. result];
    }
}
