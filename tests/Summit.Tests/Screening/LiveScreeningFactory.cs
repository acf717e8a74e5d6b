using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Summit.Access.Core;
using Summit.Server.Infrastructure.Database;

namespace Summit.Tests.Screening;

/// <summary>
/// The screening venue served by Kestrel on a free port and on the real clock, so that a gate agent process (which decides by its
/// own clock) can reach it: credentials are valid from yesterday to tomorrow.
/// </summary>
public sealed class LiveScreeningFactory : ScreeningFactory
{
    public LiveScreeningFactory()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton(TimeProvider.System);
        });
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            var settings = await db.AccessSettings.SingleAsync(s => s.EventId == EventId);
            settings.ValidFrom = CredentialTime.FloorToMinute(Now.AddDays(-1));
            settings.ValidUntil = CredentialTime.FloorToMinute(Now.AddDays(1));
            await db.SaveChangesAsync();
        });
    }
}
