using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Summit.Server.Faces.Engine;
using Summit.Tests.Access;

namespace Summit.Tests.Faces;

/// <summary>The access test venue, with the face engine counted (<see cref="CountingFaceAnalyzer"/>).</summary>
public class FacesFactory : AccessFactory
{
    public CountingFaceAnalyzer Analyzer { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<IFaceAnalyzer>();
            services.AddSingleton<IFaceAnalyzer>(Analyzer);
        });
    }
}
