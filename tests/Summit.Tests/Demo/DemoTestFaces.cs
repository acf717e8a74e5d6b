using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Summit.Faces.Core.Tests;
using Summit.Server.Faces.Engine;
using Summit.Tests.Faces;

namespace Summit.Tests.Demo;

/// <summary>
/// The demo's faces in tests (off for every other test server): the face tests' copy of the sample photos, and the test process's one
/// face engine, so that a demo server loads no engine of its own.
/// </summary>
public static class DemoTestFaces
{
    public static Dictionary<string, string?> Settings => new()
    {
        ["Summit:Demo:Faces:Enabled"] = "true",
        ["Summit:Demo:Faces:PackageFolder"] = FaceApiPackage.Directory,
    };

    public static void UseTestEngine(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        services.RemoveAll<IFaceAnalyzer>();
        services.AddSingleton<IFaceAnalyzer>(new CountingFaceAnalyzer());
    });
}
