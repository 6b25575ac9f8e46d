namespace Portal.Review;

public static class ReviewSetup
{
    /// <summary>
    /// The reviewers' inbox, assignment and conflict declarations, the reviewer's view of an application, the schemes'
    /// budgets and the one way a proposal becomes a decision (issue 11).
    /// </summary>
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddScoped<ReviewInbox>();
        services.AddScoped<ReviewDesk>();
        services.AddScoped<ReviewerGate>();
        services.AddScoped<BudgetLedger>();
        services.AddScoped<ProposalDecisions>();
        services.AddScoped<ReviewDigest>();
        services.AddHostedService<ReviewDigestWorker>();
        return services;
    }
}
