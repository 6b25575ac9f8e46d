namespace Portal.Domain.Accounts;

/// <summary>The five roles of PRODUCT.md. Staff roles must use two-factor sign-in.</summary>
public static class Roles
{
    public const string Applicant = nameof(Applicant);
    public const string Coach = nameof(Coach);
    public const string Reviewer = nameof(Reviewer);
    public const string Approver = nameof(Approver);
    public const string Admin = nameof(Admin);

    public static readonly IReadOnlyList<string> All = [Applicant, Coach, Reviewer, Approver, Admin];

    /// <summary>Coaches see applicants' drafts and municipal staff decide on money: both need a second factor.</summary>
    public static readonly IReadOnlyList<string> Staff = [Coach, Reviewer, Approver, Admin];

    public static bool IsStaff(string role) => Staff.Contains(role);
}
