namespace Portal.Data;

/// <summary>A Data Protection key ring element, kept in PostgreSQL so cookies survive restarts and work on every node.</summary>
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string? FriendlyName { get; set; }
    public string Xml { get; set; } = "";
}
