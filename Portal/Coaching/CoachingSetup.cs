namespace Portal.Coaching;

public static class CoachingSetup
{
    /// <summary>Asking for a coach, the coaches' emails (bundled, escalated, overdue) and the dashboard's work.</summary>
    public static IServiceCollection AddCoaching(this IServiceCollection services)
    {
        services.AddScoped<AskForCoach>();
        services.AddScoped<CoachDesk>();
        services.AddSingleton<CoachNotifier>().AddHostedService(sp => sp.GetRequiredService<CoachNotifier>());
        return services;
    }
}
