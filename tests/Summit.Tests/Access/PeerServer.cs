using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Access;

/// <summary>
/// A second Summit server process on the same database, data folder and clock as <paramref name="first"/>: what a
/// deployment with two servers behind a load balancer looks like. It leaves the database to the first server to clean up.
/// <paramref name="settings"/> are this server's own (its login on a shared MQTT broker, say).
/// </summary>
public sealed class PeerServer(SummitFactory first, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Summit:DataDirectory", first.DataDirectory);
        builder.UseSetting("Summit:Database", first.DatabaseSetting);
        builder.UseSetting("Summit:Mail:DispatchInBackground", "false");
        builder.UseSetting("Summit:Security:RequireAdminTwoFactor", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(first.Clock);
        });
    }
}
