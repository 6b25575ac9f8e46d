using Portal.Domain.Terms;

namespace Portal.Applications;

/// <summary>Nijmegen's clock: "saved at 14:03" means 14:03 on the applicant's wall, not in UTC.</summary>
public static class ApplicationTime
{
    public static DateTimeOffset Local(DateTimeOffset moment) => NijmegenTime.Local(moment);
}
