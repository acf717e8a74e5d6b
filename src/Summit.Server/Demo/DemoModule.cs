using Summit.Server.Demo.Live;
using Summit.Server.Infrastructure.Modules;
using Summit.Server.Infrastructure.Options;

namespace Summit.Server.Demo;

/// <summary>
/// The demo's live player (Summit:Demo:Live), which `summit demo` turns on; it does nothing otherwise. Summit:Demo:Faces says where the
/// demo's real faces come from.
/// </summary>
public sealed class DemoModule : ISummitModule
{
    public IReadOnlyList<string> OwnedPolicies { get; } = [];

    public IReadOnlyList<NavigationEntry> Navigation { get; } = [];

    public void MapEndpoints(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        // The demo has no endpoints of its own: it plays its morning through the other modules' services.
    }

    public void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSummitOptions<DemoLiveOptions>("Summit:Demo:Live");
        // As for the face tests, SUMMIT_FACE_API_DIR may name an unpacked copy of the sample photos' package.
        services.AddSummitOptions<DemoFaceOptions>("Summit:Demo:Faces")
            .PostConfigure(options => options.PackageFolder ??= Environment.GetEnvironmentVariable(DemoFaceOptions.PackageFolderVariable));
        services.AddSingleton<DemoPlayer>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoPlayer>());
    }
}
