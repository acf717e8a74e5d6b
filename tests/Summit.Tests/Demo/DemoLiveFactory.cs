using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Access.Zones;
using Summit.Server.Demo;
using Summit.Server.Demo.Live;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Operations.Dashboard;
using Summit.Server.Screening.Contracts;
using Summit.Server.Screening.Holds;
using Summit.Server.Screening.Ingestion;
using Summit.Server.Screening.Sensors;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Screening;

namespace Summit.Tests.Demo;

/// <summary>
/// A small demo event, as `summit demo` makes it (with its faces), on a server whose in-process MQTT broker listens on a free port.
/// </summary>
public sealed class DemoLiveFactory : SummitFactory
{
    public const int Guests = 240;
    private const double Speed = 30;
    private readonly int _brokerPort = ScreeningFactory.FreePort();
    private readonly Lazy<Task<DemoMorning>> _morning;

    public DemoLiveFactory()
    {
        _morning = new(PlayMorningAsync);
    }

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>(DemoTestFaces.Settings)
    {
        ["Summit:Mqtt:Port"] = _brokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Summit:Mqtt:BindAddress"] = "127.0.0.1",
        ["Summit:Screening:SilenceAfter"] = DemoLiveOptions.DemoSilenceAfter.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        DemoTestFaces.UseTestEngine(builder);
    }

    public override async Task InitializeAsync()
    {
        Clock.SetUtcNow(DemoFactory.Today);
        await DatabaseSetup.MigrateAsync(Services);
        await DemoSeeder.RunAsync(Services, DemoSeeder.DefaultSeed, Guests, reset: false);
        await Services.GetRequiredService<MqttIngestion>().Ready.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// The live morning, played once for the tests that share this server, on the fake clock a script minute at a time: a small
    /// event has a small room, so the venue manager first narrows sub-forum room D; at minute 45 the security officer clears the
    /// first lane held by a fever; a minute after the morning the working sensors have kept sending and the broken one has not.
    /// </summary>
    public Task<DemoMorning> MorningAsync() => _morning.Value;

    private async Task<DemoMorning> PlayMorningAsync()
    {
        await InScopeAsync(async sp =>
        {
            var zones = sp.GetRequiredService<ZoneService>();
            var room = (await zones.ListZonesAsync()).Single(z => z.Code == DemoScriptWriter.CrowdedZone);
            await zones.UpdateZoneAsync(room.Id, new ZoneInput(room.Code, room.NameEn, room.NameZh, room.Venue, 20, room.AntiPassback, room.ReentryMinutes,
                room.DailyReset, room.MaxEntriesPerDay, room.Number, room.SortOrder, room.Plan));
        });
        var seeded = await InScopeAsync(async sp => (await sp.GetRequiredService<SummitDbContext>().Scans.Select(s => s.Id).ToListAsync()).ToHashSet());
        var arrivedBefore = await InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Guests.CountAsync(g => g.Status == GuestStatus.Arrived));
        var writer = Services.GetRequiredService<ReadingWriter>();
        var processedBefore = writer.Stored + writer.Refused;
        var start = Clock.GetUtcNow();

        await using var session = await Services.GetRequiredService<DemoPlayer>().StartSessionAsync(DemoSeeder.DefaultSeed, CancellationToken.None);
        Assert.NotNull(session);
        using var officer = await DemoClientAsync("securityofficer@summit.local");
        DateTimeOffset? clearedAt = null;
        Guid? clearedGate = null;
        for (var minute = 0; minute <= DemoScriptWriter.Morning.TotalMinutes; minute++)
        {
            Clock.SetUtcNow(start + TimeSpan.FromMinutes(minute) / Speed);
            await session.PlayUntilAsync(TimeSpan.FromMinutes(minute), CancellationToken.None);
            await WaitForReadingsAsync(writer, processedBefore, session.Stats.Readings);
            if (minute == 45)
            {
                var hold = (await (await officer.GetAsync("/api/v1/screening/holds")).OkAsync<List<HoldView>>()).First(h => h.Status == HoldStatus.Open);
                await (await officer.PostAsJsonAsync($"/api/v1/screening/holds/{hold.Id}/clear", new HoldDecisionInput(36.7, "re-measured"), Intents.Json))
                    .OkAsync<HoldView>();
                (clearedAt, clearedGate) = (Clock.GetUtcNow(), hold.GateId);
            }
        }

        var finished = session.Finished;
        for (var second = 2; second <= 60; second += 2)
        {
            Clock.Advance(TimeSpan.FromSeconds(2));
            await session.PlayUntilAsync(DemoScriptWriter.Morning, CancellationToken.None);
            await WaitForReadingsAsync(writer, processedBefore, session.Stats.Readings);
        }

        await Services.GetRequiredService<SensorSilenceWatch>().CheckAsync();
        await Services.GetRequiredService<OperationsBoard>().RefreshNowAsync();
        return new DemoMorning(seeded, arrivedBefore, session.Script.CrowdTarget, finished, session.Stats, clearedAt, clearedGate);
    }

    /// <summary>Waits (up to a minute) until the reading writer has taken every reading published so far.</summary>
    private static async Task WaitForReadingsAsync(ReadingWriter writer, long before, int published)
    {
        var watch = Stopwatch.StartNew();
        while (writer.Stored + writer.Refused < before + published)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"Only {writer.Stored + writer.Refused - before} of {published} readings reached the writer.");
            await Task.Delay(20);
        }
    }

    /// <summary>A client signed in as one of the demo's staff accounts.</summary>
    public async Task<HttpClient> DemoClientAsync(string email)
    {
        using var anonymous = CreateClient();
        var login = await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email, password = DemoSeeder.DemoPassword })).OkAsync<LoginBody>();
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.AccessToken);
        return client;
    }

    private sealed record LoginBody(string AccessToken);
}
