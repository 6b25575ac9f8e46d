namespace Portal.Decisions;

public static class DecisionSetup
{
    /// <summary>The decision letter and its PDF (issue 12, point 2), for the pages and for whoever sends a decision.</summary>
    public static IServiceCollection AddDecisionLetters(this IServiceCollection services)
    {
        services.AddScoped<DecisionLetters>();
        services.AddScoped<DecisionDocuments>();
        return services;
    }
}
