using Portal.Domain.Applications;
using Portal.Domain.Common;

namespace Portal.Tests.Domain;

/// <summary>
/// The state machine as a table of from × to × role: every one of the 11 × 11 × 5 combinations is walked and compared with
/// the table below, written out here on its own (PRODUCT.md "Application states", issue 8 §4), so a move added to or
/// dropped from the domain's table fails here.
/// </summary>
public sealed class ApplicationStateMachineTests
{
    private const string Expected = """
        Draft -> Submitted: Applicant, Coach
        Draft -> Withdrawn: Applicant, Coach
        Submitted -> InReview: Reviewer
        Submitted -> Withdrawn: Applicant, Coach
        InReview -> InformationRequested: Reviewer
        InReview -> DecisionProposed: Reviewer
        InReview -> Withdrawn: Applicant, Coach
        InformationRequested -> InReview: Applicant, Coach, Reviewer, System
        InformationRequested -> Withdrawn: Applicant, Coach
        DecisionProposed -> InReview: Approver
        DecisionProposed -> Granted: Reviewer, Approver
        DecisionProposed -> PartiallyGranted: Reviewer, Approver
        DecisionProposed -> Rejected: Approver
        DecisionProposed -> NotProcessed: Reviewer, Approver
        DecisionProposed -> ReturnedWithSuggestions: Reviewer, Approver
        DecisionProposed -> Withdrawn: Applicant, Coach
        ReturnedWithSuggestions -> Submitted: Applicant, Coach
        ReturnedWithSuggestions -> Withdrawn: Applicant, Coach
        ReturnedWithSuggestions -> InReview: Reviewer, System
        Granted -> InReview: Approver
        PartiallyGranted -> InReview: Approver
        Rejected -> InReview: Approver
        NotProcessed -> InReview: Approver
        """;

    private static readonly HashSet<(ApplicationStatus, ApplicationStatus, ActorRole)> Allowed =
    [
        .. Expected.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SelectMany(line =>
        {
            var (move, roles) = (line.Split(':')[0], line.Split(':')[1]);
            var from = Enum.Parse<ApplicationStatus>(move.Split("->")[0].Trim());
            var to = Enum.Parse<ApplicationStatus>(move.Split("->")[1].Trim());
            return roles.Split(',', StringSplitOptions.TrimEntries).Select(role => (from, to, Enum.Parse<ActorRole>(role)));
        }),
    ];

    public static TheoryData<ApplicationStatus, ApplicationStatus, ActorRole> EveryMoveByEveryRole()
    {
        var data = new TheoryData<ApplicationStatus, ApplicationStatus, ActorRole>();
        foreach (var from in Enum.GetValues<ApplicationStatus>())
        foreach (var to in Enum.GetValues<ApplicationStatus>())
        foreach (var role in Enum.GetValues<ActorRole>())
            data.Add(from, to, role);
        return data;
    }

    [Fact]
    public void The_walk_covers_all_states_and_roles() =>
        Assert.Equal(11 * 11 * 5, EveryMoveByEveryRole().Count());

    [Theory]
    [MemberData(nameof(EveryMoveByEveryRole))]
    public void A_move_is_allowed_exactly_when_the_table_lists_it_for_that_role(ApplicationStatus from, ApplicationStatus to, ActorRole role)
    {
        var listed = Allowed.Contains((from, to, role));

        Assert.Equal(listed, ApplicationStateMachine.CanMove(from, to, role));
        if (listed)
        {
            ApplicationStateMachine.EnsureCanMove(from, to, role);
        }
        else
        {
            var refused = Assert.Throws<DomainException>(() => ApplicationStateMachine.EnsureCanMove(from, to, role));
            Assert.Equal("Application.TransitionNotAllowed", refused.MessageKey);
        }
    }

    [Fact]
    public void Nothing_leaves_a_withdrawal_and_a_decision_only_goes_back_to_review_by_an_approver()
    {
        foreach (var to in Enum.GetValues<ApplicationStatus>())
            Assert.False(ApplicationStateMachine.CanMove(ApplicationStatus.Withdrawn, to));
        foreach (var from in Enum.GetValues<ApplicationStatus>().Where(ApplicationStateMachine.IsDecided))
        foreach (var to in Enum.GetValues<ApplicationStatus>())
        foreach (var role in Enum.GetValues<ActorRole>())
            Assert.Equal(to == ApplicationStatus.InReview && role == ActorRole.Approver, ApplicationStateMachine.CanMove(from, to, role));
    }

    [Fact]
    public void Only_a_draft_and_an_application_returned_with_suggestions_are_editable() =>
        Assert.Equal([ApplicationStatus.Draft, ApplicationStatus.ReturnedWithSuggestions],
            Enum.GetValues<ApplicationStatus>().Where(ApplicationStateMachine.IsEditable));

    [Theory]
    [InlineData(2026, 42, "NIJ-2026-00042")]
    [InlineData(2027, 99999, "NIJ-2027-99999")]
    public void Reference_numbers_read_as_NIJ_year_and_five_digits(int year, long number, string expected)
    {
        Assert.Equal(expected, ReferenceNumber.Format(year, number));
        Assert.True(ReferenceNumber.IsValid(expected));
    }
}
