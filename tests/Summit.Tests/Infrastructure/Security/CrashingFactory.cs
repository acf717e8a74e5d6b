using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Guests;

namespace Summit.Tests.Infrastructure.Security;

/// <summary>A Summit whose home page can be made to crash, as any page might.</summary>
public sealed class CrashingFactory : SummitFactory
{
    public volatile bool Crash;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddScoped(sp =>
            Crash ? throw new InvalidOperationException("A page failed.") : ActivatorUtilities.CreateInstance<GuestQueries>(sp)));
    }
}
