using Portal.Domain.Applications;
using Portal.Domain.Common;

namespace Portal.Tests.Domain;

public sealed class ApplicationStateMachineTests
{
    [Theory]
    [InlineData(ApplicationStatus.Draft, ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.Submitted, ApplicationStatus.InReview)]
    [InlineData(ApplicationStatus.InReview, ApplicationStatus.InformationRequested)]
    [InlineData(ApplicationStatus.InformationRequested, ApplicationStatus.InReview)]
    [InlineData(ApplicationStatus.InReview, ApplicationStatus.DecisionProposed)]
    [InlineData(ApplicationStatus.DecisionProposed, ApplicationStatus.InReview)]
    [InlineData(ApplicationStatus.DecisionProposed, ApplicationStatus.Granted)]
    [InlineData(ApplicationStatus.DecisionProposed, ApplicationStatus.ReturnedWithSuggestions)]
    [InlineData(ApplicationStatus.Draft, ApplicationStatus.Withdrawn)]
    [InlineData(ApplicationStatus.InformationRequested, ApplicationStatus.Withdrawn)]
    public void The_transitions_of_the_product_are_allowed(ApplicationStatus from, ApplicationStatus to) =>
        Assert.True(ApplicationStateMachine.CanMove(from, to));

    [Theory]
    [InlineData(ApplicationStatus.Draft, ApplicationStatus.Granted)]
    [InlineData(ApplicationStatus.Submitted, ApplicationStatus.DecisionProposed)]
    [InlineData(ApplicationStatus.InReview, ApplicationStatus.Granted)]
    [InlineData(ApplicationStatus.Granted, ApplicationStatus.Withdrawn)]
    [InlineData(ApplicationStatus.Rejected, ApplicationStatus.InReview)]
    [InlineData(ApplicationStatus.Withdrawn, ApplicationStatus.Draft)]
    [InlineData(ApplicationStatus.Submitted, ApplicationStatus.Draft)]
    public void Any_other_transition_is_refused_whoever_asks(ApplicationStatus from, ApplicationStatus to)
    {
        Assert.False(ApplicationStateMachine.CanMove(from, to));
        var refused = Assert.Throws<DomainException>(() => ApplicationStateMachine.EnsureCanMove(from, to));
        Assert.Equal("Application.TransitionNotAllowed", refused.MessageKey);
    }

    [Fact]
    public void Nothing_leaves_a_decision_or_a_withdrawal()
    {
        var final = Enum.GetValues<ApplicationStatus>().Where(s => ApplicationStateMachine.IsDecided(s) || s == ApplicationStatus.Withdrawn);
        foreach (var from in final)
            Assert.DoesNotContain(Enum.GetValues<ApplicationStatus>(), to => ApplicationStateMachine.CanMove(from, to));
    }

    [Theory]
    [InlineData(2026, 42, "NIJ-2026-00042")]
    [InlineData(2027, 99999, "NIJ-2027-99999")]
    public void Reference_numbers_read_as_NIJ_year_and_five_digits(int year, long number, string expected)
    {
        Assert.Equal(expected, ReferenceNumber.Format(year, number));
        Assert.True(ReferenceNumber.IsValid(expected));
    }
}
