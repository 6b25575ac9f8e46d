using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// A minimal SMTP server on 127.0.0.1 that accepts every message and keeps it: enough of RFC 5321 for MailKit
/// (greeting, EHLO/HELO, MAIL, RCPT, DATA with dot-stuffing, RSET, NOOP, QUIT; no extensions advertised, so MailKit
/// sends 7-bit MIME). The portal talks real SMTP to it over a real socket.
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

    /// <summary>
    /// How long the sink waits before it confirms a message it has already kept: a slow mail server. A client that dies in
    /// that time has delivered a message it never heard confirmed, which is what a crash mid-batch looks like.
    /// </summary>
    public TimeSpan ReplyDelay { get; set; }

    /// <summary>Addresses the sink refuses at RCPT with a 550 that quotes the address, as real mail servers do.</summary>
    public ISet<string> UnknownRecipients { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Called as each message is kept, before it is confirmed (for fault injection at that moment).</summary>
    public Action<ReceivedMail>? OnMessage { get; set; }

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
                    var recipient = Address(line);
                    if (UnknownRecipients.Contains(recipient))
                    {
                        await writer.WriteLineAsync($"550 5.1.1 <{recipient}>: Recipient address rejected: User unknown");
                        break;
                    }
                    recipients.Add(recipient);
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync(token) is { } dataLine && dataLine != ".")
                        data.Append(dataLine.StartsWith('.') ? dataLine[1..] : dataLine).Append("\r\n");
                    var mail = ReceivedMail.Parse(from ?? "", [.. recipients], data.ToString());
                    received.Enqueue(mail);
                    OnMessage?.Invoke(mail);
                    if (ReplyDelay > TimeSpan.Zero) await Task.Delay(ReplyDelay, token);
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

/// <summary>A message as it arrived, decoded by MimeKit (encoded words, base64, quoted-printable).</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Raw,
    IReadOnlyDictionary<string, string> Headers, string Subject, string TextBody, MimeMessage Message)
{
    /// <summary>The HTML part, as MimeKit decodes it; empty when there is none.</summary>
    public string HtmlBody => Message.HtmlBody ?? "";

    /// <summary>The Message-ID header with its angle brackets, as it travelled.</summary>
    public string MessageId => Headers.GetValueOrDefault("Message-ID") ?? "";

    public static ReceivedMail Parse(string from, IReadOnlyList<string> to, string raw)
    {
        using var stream = new MemoryStream(Encoding.Latin1.GetBytes(raw));
        var message = MimeMessage.Load(stream);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in message.Headers) headers[header.Field] = header.Value.Trim();
        var text = message.BodyParts.OfType<TextPart>().FirstOrDefault(p => p.IsPlain);
        return new ReceivedMail(from, to, raw, headers, message.Subject ?? "", text is null ? "" : Decode(text), message);
    }

    /// <summary>The text byte for byte (TextPart.Text would turn CRLF into LF, and tests check that text arrives intact).</summary>
    private static string Decode(TextPart part)
    {
        using var bytes = new MemoryStream();
        part.Content?.DecodeTo(bytes);
        return (part.ContentType.CharsetEncoding ?? Encoding.UTF8).GetString(bytes.ToArray());
    }
}
