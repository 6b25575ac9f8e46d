using System.Text.Json;

namespace Portal.Objections;

/// <summary>
/// The application as a decision froze it (<see cref="Domain.Decisions.ApplicationSnapshot"/>), read back for a read-only view
/// on the staff side: what that version was decided on, whatever changed afterwards.
/// </summary>
public sealed record SnapshotView(string? Reference, string? AnswerLanguage, string? Title, string? Description, string? ForWhom,
    int? ParticipantCount, string? Neighbourhood, DateOnly? StartsOn, DateOnly? EndsOn, string? HowOthersJoin,
    IReadOnlyList<SnapshotView.Cost> Costs, long OwnContributionCents, long OtherFundingCents, long RequestedCents,
    IReadOnlyList<string> AttachmentNames)
{
    public sealed record Cost(string Category, string? Description, long AmountCents);

    public static SnapshotView? Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("RequestedCents", out _)) return null;
            return new SnapshotView(Text(root, "Reference"), Text(root, "AnswerLanguage"), Text(root, "Title"), Text(root, "Description"),
                Text(root, "ForWhom"), Number(root, "ParticipantCount") is { } count ? (int)count : null, Text(root, "Neighbourhood"),
                Date(root, "StartsOn"), Date(root, "EndsOn"), Text(root, "HowOthersJoin"),
                Array(root, "Costs").Select(c => new Cost(Text(c, "Category") ?? "", Text(c, "Description"), Number(c, "AmountCents") ?? 0)).ToList(),
                Number(root, "OwnContributionCents") ?? 0, Number(root, "OtherFundingCents") ?? 0, Number(root, "RequestedCents") ?? 0,
                Array(root, "Attachments").Select(a => Text(a, "FileName") ?? "").ToList());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;

    private static long? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Number && p.TryGetInt64(out var n) ? n : null;

    private static DateOnly? Date(JsonElement e, string name) =>
        Text(e, name) is { } s && DateOnly.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Array ? p.EnumerateArray().ToList() : [];
}
