namespace Portal.Domain.Applications;

/// <summary>The states of PRODUCT.md. Stored by name, so never rename one.</summary>
public enum ApplicationStatus
{
    Draft,
    Submitted,
    InReview,
    InformationRequested,
    DecisionProposed,
    Granted,
    PartiallyGranted,
    Rejected,
    ReturnedWithSuggestions,
    Withdrawn,
}

/// <summary>
/// Which state may follow which. A transition not listed here is refused by the domain, whoever asks
/// (a forged form field cannot skip review).
/// </summary>
public static class ApplicationStateMachine
{
    private static readonly Dictionary<ApplicationStatus, ApplicationStatus[]> Allowed = new()
    {
        [ApplicationStatus.Draft] = [ApplicationStatus.Submitted, ApplicationStatus.Withdrawn],
        [ApplicationStatus.Submitted] = [ApplicationStatus.InReview, ApplicationStatus.Withdrawn],
        [ApplicationStatus.InReview] = [ApplicationStatus.InformationRequested, ApplicationStatus.DecisionProposed, ApplicationStatus.Withdrawn],
        [ApplicationStatus.InformationRequested] = [ApplicationStatus.InReview, ApplicationStatus.Withdrawn],
        [ApplicationStatus.DecisionProposed] =
        [
            ApplicationStatus.InReview, ApplicationStatus.Granted, ApplicationStatus.PartiallyGranted,
            ApplicationStatus.Rejected, ApplicationStatus.ReturnedWithSuggestions, ApplicationStatus.Withdrawn,
        ],
    };

    public static bool CanMove(ApplicationStatus from, ApplicationStatus to) =>
        Allowed.TryGetValue(from, out var next) && next.Contains(to);

    public static bool IsDecided(ApplicationStatus status) => status is ApplicationStatus.Granted or ApplicationStatus.PartiallyGranted
        or ApplicationStatus.Rejected or ApplicationStatus.ReturnedWithSuggestions;

    public static void EnsureCanMove(ApplicationStatus from, ApplicationStatus to)
    {
        if (!CanMove(from, to)) throw new Common.DomainException("Application.TransitionNotAllowed");
    }
}
