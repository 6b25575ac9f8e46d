using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Infrastructure;

/// <summary>
/// What a form knows about the answer it edits: the row version and the answer it was read at, the answers this tab
/// saved itself while the form was open (autosaves whose answer had not come back when the form was posted), and the
/// version at which the user chose "keep my version" after seeing both.
/// </summary>
public sealed record EditSeen(uint? Version, string? Original, IReadOnlyCollection<string> OwnSaves, uint? KeepMineAt);

public enum EditDecision { Unchanged, Save, Conflict }

/// <summary>
/// One rule for every form that edits an answer someone else may edit at the same time (the activity questions, the
/// budget's funding, the organisation profile), so two tabs or two members never overwrite each other silently and a
/// tab never fights its own saves. Answers are compared as canonical strings ("stored" keys) that the page builds.
/// </summary>
public static class EditConflicts
{
    /// <summary>
    /// Whether <paramref name="typed"/> may replace <paramref name="stored"/>. It may when nothing changed since the form
    /// was read, when what changed is this tab's own save, when the user chose their version after seeing both, or when
    /// both versions read the same (two identical versions are never a choice). Otherwise the user chooses.
    /// </summary>
    public static EditDecision Decide(EditSeen seen, uint currentVersion, string stored, string typed, Func<string, string>? display = null)
    {
        if (typed == stored) return EditDecision.Unchanged;
        if (seen.Version == currentVersion || stored == (seen.Original ?? "")) return EditDecision.Save;
        if (seen.OwnSaves.Contains(stored)) return EditDecision.Save;
        if (seen.KeepMineAt == currentVersion) return EditDecision.Save;
        if (display is not null && display(stored) == display(typed)) return EditDecision.Save;
        return EditDecision.Conflict;
    }

    /// <summary>
    /// The fields an autosave of this tab sent (site.js posts each as one "OwnSave" value, form-encoded), so the page
    /// can read them as it reads its own form and build the answer they saved.
    /// </summary>
    public static IEnumerable<Func<string, string?>> Fields(IEnumerable<string>? ownSaves)
    {
        foreach (var payload in ownSaves ?? [])
        {
            if (string.IsNullOrEmpty(payload) || payload.Length > 20_000) continue;
            var fields = QueryHelpers.ParseQuery(payload.StartsWith('?') ? payload : "?" + payload);
            yield return name => fields.TryGetValue(name, out var value) ? value.ToString() : null;
        }
    }
}

/// <summary>Both versions of one answer: what was saved meanwhile (theirs) and what this user typed (yours).</summary>
public sealed record EditConflict(string Theirs, string Yours, uint CurrentVersion);
