using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Infrastructure.Security;

/// <summary>
/// The keys behind sign-in cookies, bearer tokens and antiforgery tokens. ASP.NET keeps them in the user's profile by default and
/// names the application after its content root, so two server processes (or one on two machines) refused each other's tokens:
/// a token from one node was a 401 on the other. They live in the database instead, under one application name, each key
/// encrypted with Summit's data key (<see cref="DataKeyXmlEncryptor"/>): a copy of the database alone opens no session.
/// </summary>
public static class DataProtectionSetup
{
    public const string ApplicationName = "Summit";

    public static IServiceCollection AddSummitDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<SummitDbContext>();
        services.AddOptions<KeyManagementOptions>().Configure<FieldProtector>((options, protector) => options.XmlEncryptor = new DataKeyXmlEncryptor(protector));
        return services;
    }
}
