namespace Portal.Review;

public static class ReviewSetup
{
    /// <summary>The reviewers' inbox, assignment and conflict declarations, and the reviewer's view of an application (issue 11).</summary>
    public static IServiceCollection AddReview(this IServiceCollection services)
    {
        services.AddScoped<ReviewInbox>();
        services.AddScoped<ReviewDesk>();
        services.AddScoped<ReviewerGate>();
        return services;
    }
}
