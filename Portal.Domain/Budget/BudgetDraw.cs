using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Portal.Domain.Budget;

/// <summary>
/// The draw that puts applications complete on the same day in order (first come, first served). It is held once the
/// day is over — only then is it known who came that day — with a seed chosen at random and stored, so anyone can redo
/// it: the order is the applications' ids sorted by SHA-256 of "seed:id". Nobody can steer it afterwards, because the
/// seed is recorded with the time it was drawn and the audit trail of every application names its place.
/// </summary>
public sealed class BudgetDraw
{
    public const int SeedLength = 32;

    private BudgetDraw() { }

    internal BudgetDraw(int schemeId, DateOnly day, string seed, int count, DateTimeOffset heldAt)
    {
        SchemeId = schemeId;
        Day = day;
        Seed = seed;
        Count = count;
        HeldAt = heldAt;
    }

    public int SchemeId { get; private set; }
    /// <summary>The day the applications became complete.</summary>
    public DateOnly Day { get; private set; }
    /// <summary>32 hexadecimal characters, drawn from a cryptographic random source.</summary>
    public string Seed { get; private set; } = "";
    /// <summary>How many applications took part.</summary>
    public int Count { get; private set; }
    public DateTimeOffset HeldAt { get; private set; }

    /// <summary>A new random seed (128 bits).</summary>
    public static string NewSeed() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(SeedLength / 2));

    /// <summary>The order a seed gives: the same seed and the same applications give the same order, on every machine.</summary>
    public static IReadOnlyList<Guid> Order(string seed, IEnumerable<Guid> applicationIds) =>
        applicationIds.Distinct()
            .Select(id => (Id: id, Key: Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed + ":" + id.ToString("D", CultureInfo.InvariantCulture))))))
            .OrderBy(x => x.Key, StringComparer.Ordinal)
            .Select(x => x.Id)
            .ToList();
}
