namespace Portal.Infrastructure;

/// <summary>The help contact shown on every page (PRODUCT.md principle 3). Configurable per municipality.</summary>
public sealed class HelpContactOptions
{
    public string Phone { get; set; } = "14 024";
    public string PhoneLink { get; set; } = "+3114024";
    public string Email { get; set; } = "subsidiehulp@nijmegen.example";
    /// <summary>ISO weekday numbers (1 = Monday) with walk-in hours; day names are shown in the page's language.</summary>
    public int[] WalkInDays { get; set; } = [];
    public string WalkInFrom { get; set; } = "09:00";
    public string WalkInUntil { get; set; } = "12:00";
    public string WalkInPlace { get; set; } = "Stadswinkel, Korte Nieuwstraat 6, Nijmegen";
}
