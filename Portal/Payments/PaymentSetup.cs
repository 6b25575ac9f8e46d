namespace Portal.Payments;

public static class PaymentSetup
{
    /// <summary>Payment batches of granted decisions as SEPA credit transfer files for the finance department (issue 12, point 7).</summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<PaymentOptions>(configuration.GetSection("Payments"));
        services.AddScoped<PaymentBatches>();
        return services;
    }
}
