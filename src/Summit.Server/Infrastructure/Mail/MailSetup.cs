using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Summit.Server.Infrastructure.Options;

namespace Summit.Server.Infrastructure.Mail;

/// <summary>Mail's settings and services: the transport and the dispatcher that sends queued mail through it.</summary>
public static partial class MailSetup
{
    /// <summary>
    /// Binds Summit:Mail, then fills what the host decides: the outbox folder (absolute; outbox/ in the data directory unless set)
    /// and, unless set, the public base address from the first --urls address, a wildcard host read as localhost.
    /// </summary>
    public static OptionsBuilder<MailOptions> AddSummitMailOptions(this IServiceCollection services, string dataDirectory) =>
        services.AddSummitOptions<MailOptions>("Summit:Mail").PostConfigure<IConfiguration>((options, configuration) =>
        {
            options.OutboxDirectory = Path.GetFullPath(string.IsNullOrEmpty(options.OutboxDirectory) ? Path.Combine(dataDirectory, "outbox") : options.OutboxDirectory);
            if (string.IsNullOrWhiteSpace(options.PublicBaseUrl))
            {
                var first = (configuration["urls"] ?? "http://localhost:5000").Split(';')[0];
                options.PublicBaseUrl = WildcardHost().Replace(first, "://localhost");
            }
        });

    public static IServiceCollection AddSummitMail(this IServiceCollection services, string dataDirectory)
    {
        services.AddSummitMailOptions(dataDirectory);
        services.AddSingleton<OutboxFolderTransport>();
        services.AddSingleton<SmtpTransport>();
        // Chosen when first needed, from the bound options: whatever sets Summit:Mail:SmtpHost (appsettings, environment, a test's
        // settings) decides, including sources added after registration.
        services.AddSingleton<IMailTransport>(sp => string.IsNullOrWhiteSpace(sp.GetRequiredService<IOptions<MailOptions>>().Value.SmtpHost)
            ? sp.GetRequiredService<OutboxFolderTransport>()
            : sp.GetRequiredService<SmtpTransport>());
        services.AddSingleton<MailDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<MailDispatcher>());
        return services;
    }

    [GeneratedRegex(@"://(0\.0\.0\.0|\*|\+|\[::\])(?=[:/]|$)")]
    private static partial Regex WildcardHost();
}
