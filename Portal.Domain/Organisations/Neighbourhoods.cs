namespace Portal.Domain.Organisations;

/// <summary>Nijmegen's districts (wijken) and a selection of their neighbourhoods (buurten), as people name them.</summary>
public static class Neighbourhoods
{
    public static readonly IReadOnlyList<(string District, string[] Neighbourhoods)> All =
    [
        ("Centrum", ["Stadscentrum", "Benedenstad", "Bottendaal"]),
        ("Oost", ["Altrade", "Hengstdal", "Hunnerberg", "Galgenveld"]),
        ("Oud-West", ["Biezen", "Wolfskuil", "Waterkwartier"]),
        ("Nieuw-West", ["Hees", "Heseveld", "Neerbosch-Oost"]),
        ("Midden", ["Hazenkamp", "Landbouwbuurt", "Kwakkenberg", "Goffert"]),
        ("Zuid", ["Hatert", "Grootstal", "Brakkenstein", "Heijendaal"]),
        ("Lindenholt", ["Vogelzang", "'t Broek", "De Kamp", "Vossenpels"]),
        ("Dukenburg", ["Aldenhof", "Meijhorst", "Tolhuis", "Zwanenveld", "Malvert", "Weezenhof", "Lankforst"]),
        ("Nijmegen-Noord", ["Lent", "Oosterhout", "Ressen"]),
    ];

    /// <summary>Values are "District/Neighbourhood", or just "District" for the whole district.</summary>
    public static bool IsKnown(string? value) =>
        value is not null && All.Any(d => d.District == value || d.Neighbourhoods.Any(n => $"{d.District}/{n}" == value));
}
