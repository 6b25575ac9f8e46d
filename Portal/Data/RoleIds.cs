namespace Portal.Data;

/// <summary>The fixed ids of the roles inserted by migrations/0002_roles.sql (reference data, the same in every database).</summary>
public static class RoleIds
{
    public static readonly Guid Applicant = new("00000000-0000-0000-0000-000000000001");
}
