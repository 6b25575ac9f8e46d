using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Portal.E2E.Infrastructure;

/// <summary>
/// Reads the mail the portal sent over real SMTP from MailDev's REST API (GET /email).
/// Every test uses its own addresses, so tests never see each other's mail and nothing needs clearing.
/// </summary>
public sealed partial class MailDev
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly Uri _baseUrl;

    public MailDev(Uri? baseUrl = null) => _baseUrl = baseUrl ?? TestEnvironment.MailDevUrl;

    public sealed record Address([property: JsonPropertyName("address")] string Value);

    /// <summary>A file that came with a mail: its name as sent, MailDev's name for it, and its type.</summary>
    public sealed record Attachment(
        [property: JsonPropertyName("fileName")] string FileName,
        [property: JsonPropertyName("generatedFileName")] string GeneratedFileName,
        [property: JsonPropertyName("contentType")] string ContentType);

    public sealed record Mail(
        [property: JsonPropertyName("id")] string Id,
        [property: JsonPropertyName("to")] IReadOnlyList<Address> To,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("text")] string? Text,
        [property: JsonPropertyName("attachments")] IReadOnlyList<Attachment>? Attachments)
    {
        /// <summary>The first http(s) link in the plain-text body.</summary>
        public Uri FirstLink => LinkPattern().Match(Text ?? "") is { Success: true } match
            ? new Uri(match.Value)
            : throw new InvalidOperationException($"The mail \"{Subject}\" contains no link:\n{Text}");
    }

    public async Task<IReadOnlyList<Mail>> MailsToAsync(string address)
    {
        var all = await Http.GetFromJsonAsync<List<Mail>>(new Uri(_baseUrl, "/email")) ?? [];
        return all.Where(m => m.To.Any(t => string.Equals(t.Value, address, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    /// <summary>The bytes of a file that came with a mail, as MailDev received them.</summary>
    public Task<byte[]> ContentAsync(Mail mail, Attachment attachment) =>
        Http.GetByteArrayAsync(new Uri(_baseUrl, $"/email/{Uri.EscapeDataString(mail.Id)}/attachment/{Uri.EscapeDataString(attachment.GeneratedFileName)}"));

    /// <summary>Polls until <paramref name="count"/> mails to the address have arrived (the outbox worker sends them a moment later).</summary>
    public async Task<Mail> WaitForMailToAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var mails = await MailsToAsync(address);
            if (mails.Count >= count) return mails[count - 1];
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No mail number {count} to {address} arrived at MailDev ({_baseUrl}) in time; {mails.Count} arrived.");
            await Task.Delay(100);
        }
    }

    /// <summary>Polls until a mail to the address that <paramref name="which"/> picks has arrived.</summary>
    public async Task<Mail> WaitForMailToAsync(string address, Func<Mail, bool> which, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            if ((await MailsToAsync(address)).FirstOrDefault(which) is { } mail) return mail;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"The mail looked for to {address} did not arrive at MailDev ({_baseUrl}) in time.");
            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex LinkPattern();
}
