using Summit.Server.Demo;
using Summit.Server.Infrastructure.Database;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Demo;

/// <summary>
/// A small demo made on a machine where the sample photos cannot be had: nothing cached (an empty cache folder of its own) and no npm to
/// fetch them with (a command that does not exist), as on a fresh machine without Node.js.
/// </summary>
public sealed class DemoWithoutPhotosFactory : SummitFactory
{
    private readonly string _emptyCache = Path.Combine(Path.GetTempPath(), $"summit-demo-no-photos-{Guid.NewGuid():N}");

    public string Banner { get; private set; } = "";

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Summit:Demo:Faces:Enabled"] = "true",
        // Empty, not unset: SUMMIT_FACE_API_DIR of the machine running the tests must not fill it.
        ["Summit:Demo:Faces:PackageFolder"] = "",
        ["Summit:Demo:Faces:CacheFolder"] = _emptyCache,
        ["Summit:Demo:Faces:Npm"] = "summit-test-no-such-npm",
    };

    public override async Task InitializeAsync()
    {
        Clock.SetUtcNow(DemoFactory.Today);
        await DatabaseSetup.MigrateAsync(Services);
        Banner = await DemoSeeder.RunAsync(Services, DemoSeeder.DefaultSeed, guestCount: 120, reset: false);
    }
}
