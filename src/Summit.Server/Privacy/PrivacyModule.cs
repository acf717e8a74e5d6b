using Summit.Server.Privacy.Contracts;
using Summit.Server.Privacy.Holders;

namespace Summit.Server.Privacy;

/// <summary>
/// Privacy (issue 9, docs/adr/0015): the retention period per event, the purge after it, a person's copy of their data and its
/// erasure, and the privacy notice written from the settings in force. It reaches the modules only through
/// <see cref="IPersonalDataHolder"/>, which each module that keeps personal data implements, and <see cref="IDataSubjects"/> (Guests).
/// </summary>
public static class PrivacyModule
{
    public static IServiceCollection AddPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Summit:Privacy").Get<PrivacyOptions>() ?? new PrivacyOptions();
        options.Validate();
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddScoped<RetentionService>();
        services.AddScoped<IPrivacyNotice, PrivacyNoticeService>();
        services.AddScoped<ErasureEngine>();
        services.AddScoped<SubjectRequests>();
        services.AddScoped<PurgeService>();
        // The infrastructure's data (mail, audit trail) is no module's: this module holds it. Registered after the modules' holders.
        services.AddScoped<IPersonalDataHolder, MailPersonalData>();
        services.AddScoped<IPersonalDataHolder, AuditPersonalData>();
        services.AddSingleton<PurgeJob>();
        if (options.PurgeInBackground)
        {
            services.AddHostedService(sp => sp.GetRequiredService<PurgeJob>());
        }

        return services;
    }

    public static RouteGroupBuilder MapPrivacy(this RouteGroupBuilder api) => api.MapPrivacyApi();
}
