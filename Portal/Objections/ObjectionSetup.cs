namespace Portal.Objections;

public static class ObjectionSetup
{
    /// <summary>Objection online and reopening a decision (issue 12, points 4 and 5).</summary>
    public static IServiceCollection AddObjections(this IServiceCollection services)
    {
        services.AddScoped<ObjectionDesk>();
        services.AddScoped<DecisionReopening>();
        return services;
    }
}
