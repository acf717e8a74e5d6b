using Summit.Server.Demo;
using Summit.Server.Infrastructure.Database;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Demo;

/// <summary>A small demo event without sensors (no broker), for a morning stopped halfway and started again.</summary>
public sealed class DemoRestartFactory : SummitFactory
{
    public override async Task InitializeAsync()
    {
        Clock.SetUtcNow(DemoFactory.Today);
        await DatabaseSetup.MigrateAsync(Services);
        await DemoSeeder.RunAsync(Services, DemoSeeder.DefaultSeed, guestCount: 160, reset: false);
    }
}
