using Microsoft.AspNetCore.Hosting;
using Summit.Server.Demo;
using Summit.Server.Infrastructure.Database;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Demo;

/// <summary>A server holding a small demo event, created as `summit demo` creates it, by someone who runs it years after the 2021 event.</summary>
public sealed class DemoFactory : SummitFactory
{
    /// <summary>10:30 in Wuzhen, five years after the event.</summary>
    public static readonly DateTimeOffset Today = new(2026, 11, 30, 2, 30, 0, TimeSpan.Zero);

    public string Banner { get; private set; } = "";

    protected override IDictionary<string, string?> ExtraSettings => DemoTestFaces.Settings;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        DemoTestFaces.UseTestEngine(builder);
    }

    public override async Task InitializeAsync()
    {
        Clock.SetUtcNow(Today);
        await DatabaseSetup.MigrateAsync(Services);
        Banner = await DemoSeeder.RunAsync(Services, DemoSeeder.DefaultSeed, guestCount: 300, reset: false);
    }
}
