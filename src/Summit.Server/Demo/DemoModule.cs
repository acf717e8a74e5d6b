using Summit.Server.Demo.Live;

namespace Summit.Server.Demo;

/// <summary>The demo's live player (Summit:Demo:Live), which `summit demo` turns on; it does nothing otherwise.</summary>
public static class DemoModule
{
    public static IServiceCollection AddDemo(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoLiveOptions>(configuration.GetSection("Summit:Demo:Live"));
        services.AddSingleton<DemoPlayer>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoPlayer>());
        return services;
    }
}
