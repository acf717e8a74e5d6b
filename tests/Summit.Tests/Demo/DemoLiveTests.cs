using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Server.Access.Zones;
using Summit.Server.Demo;
using Summit.Server.Demo.Live;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Cli;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Operations.Dashboard;
using Summit.Server.Operations.Incidents;
using Summit.Server.Screening;
using Summit.Server.Screening.Holds;
using Summit.Server.Screening.Ingestion;
using Summit.Server.Screening.Sensors;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Screening;

namespace Summit.Tests.Demo;

/// <summary>A small demo event, as `summit demo` makes it, on a server whose in-process MQTT broker listens on a free port.</summary>
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

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Summit:Mqtt:Port"] = _brokerPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Summit:Mqtt:BindAddress"] = "127.0.0.1",
        ["Summit:Screening:SilenceAfter"] = DemoLiveOptions.DemoSilenceAfter.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
    };

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

/// <summary>What the live morning did, for the tests that check it.</summary>
/// <param name="Seeded">The scans the demo was created with, before the morning.</param>
public sealed record DemoMorning(HashSet<Guid> Seeded, int ArrivedBefore, int CrowdTarget, bool Finished, DemoLiveStats Stats, DateTimeOffset? ClearedAt,
    Guid? ClearedGate);

/// <summary>The tests that share one demo server and its live morning (played once: it takes a while).</summary>
[CollectionDefinition(Name)]
public sealed class DemoLiveCollection : ICollectionFixture<DemoLiveFactory>
{
    public const string Name = "Demo live morning";
}

/// <summary>
/// The live morning, played on a fake clock a script minute at a time, through the real paths: scans by the turnstiles' devices
/// through the scan processor, readings signed by the enrolled sensors over Summit's broker, the silence watch, the dashboard.
/// </summary>
[Collection(DemoLiveCollection.Name)]
public sealed class DemoLiveTests(DemoLiveFactory app)
{

    [Fact]
    public void The_script_is_the_same_for_the_same_seed_and_has_every_part_of_the_morning()
    {
        var people = Enumerable.Range(0, 400).Select(i => new DemoPerson(Guid.NewGuid(), $"guest{i:D3}@example", $"CODE{i}",
            new[] { "VIP", "Speaker", "Delegate", "Media", "Exhibitor", "Staff" }[i % 6], Arrived: i % 4 == 0)).ToList();
        var sensors = DemoScreening.SensorGates.ToDictionary(g => g, DemoScreening.SensorCodeOf);
        bool Opens(string category, string zone) => DemoVenue.CategoryZones[category].Contains(zone);

        var first = DemoScriptWriter.Write(people, sensors, 50, Opens, 7);
        var again = DemoScriptWriter.Write([.. people.AsEnumerable().Reverse()], sensors, 50, Opens, 7);
        Assert.Equal(first.Beats, again.Beats);
        Assert.NotEqual(first.Beats, DemoScriptWriter.Write(people, sensors, 50, Opens, 8).Beats);

        Assert.Equal(3, first.Fevers);
        Assert.Equal(3, first.Beats.Count(b => b.IsFever(37.3)));
        Assert.Equal("IR-X2", first.BrokenSensor);
        Assert.DoesNotContain(first.Beats, b => b.Kind == DemoBeatKind.Reading && b.Sensor == "IR-X2" && b.At >= DemoScriptWriter.BreaksAt);
        Assert.Equal(48, first.CrowdTarget);
        Assert.Equal(48, first.Beats.Count(b => b.Kind == DemoBeatKind.Scan && b.Gate == DemoScriptWriter.CrowdedGate));
        Assert.All(first.Beats, b => Assert.InRange(b.At, TimeSpan.Zero, DemoScriptWriter.Morning));
        // Every guest who has not arrived comes (the three with a fever are led aside before their scan).
        var arriving = people.Where(p => !p.Arrived).Select(p => p.Code).ToHashSet();
        Assert.Equal(arriving.Count - 3, first.Beats.Where(b => b.Kind == DemoBeatKind.Scan && arriving.Contains(b.Code!)).Select(b => b.Code).Distinct()
            .Count(code => first.Beats.Any(b => b.Code == code && b.Gate is "N1" or "N2" or "E1" or "X1" or "X2")));
    }

    [Fact]
    public async Task The_morning_admits_arrivals_holds_a_lane_on_a_fever_reports_the_broken_sensor_and_the_crowded_room()
    {
        var morning = await app.MorningAsync();
        Assert.Equal(20, morning.CrowdTarget);
        Assert.True(morning.Finished);
        Assert.Equal(0, morning.Stats.Failures);

        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            var gates = await db.Gates.ToDictionaryAsync(g => g.Code, g => g.Id);
            var live = (await db.Scans.ToListAsync()).Where(s => !morning.Seeded.Contains(s.Id)).ToList();
            Assert.Equal(morning.Stats.Scans, live.Count);
            Assert.All(live, s => Assert.NotNull(s.DeviceId));
            Assert.Equal(morning.Stats.Admitted, live.Count(s => s.Admitted));
            Assert.True(await db.Guests.CountAsync(g => g.Status == GuestStatus.Arrived) > morning.ArrivedBefore);

            // A fever stopped a lane: its scans were refused until the officer cleared it, and admitted after.
            Assert.Contains(live, s => s.Reason == ReasonCode.ScreeningHold);
            Assert.True(morning.Stats.Rerouted > 0);
            Assert.NotNull(morning.ClearedAt);
            Assert.Contains(live, s => s.GateId == morning.ClearedGate && s.Admitted && s.ReceivedAt > morning.ClearedAt);
            Assert.NotEmpty(await db.Set<ScreeningHold>().Where(h => h.Status == HoldStatus.Cleared).ToListAsync());

            var incidents = await db.Set<Incident>().ToListAsync();
            Assert.Contains(incidents, i => i.Cause == FeverHolds.FeverCause && i.Type == IncidentType.Health);
            var silent = Assert.Single(incidents, i => i.Cause == SensorSilenceWatch.SilentCause);
            Assert.Equal(gates[DemoScriptWriter.BrokenGate], silent.GateId);
            var crowded = Assert.Single(incidents, i => i.Cause == "zone.crowded");
            Assert.Equal(await db.Zones.Where(z => z.Code == DemoScriptWriter.CrowdedZone).Select(z => z.Id).SingleAsync(), crowded.ZoneId);
        });
    }

    [Fact]
    public async Task The_morning_leaves_out_the_reserved_VIP_whose_code_the_banner_prints()
    {
        await app.MorningAsync();
        var eventId = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Events.Select(e => e.Id).SingleAsync());
        var reserved = DemoLiveState.Load(Path.Combine(app.DataDirectory, DemoLiveState.FileName), eventId)?.ReservedGuestId;
        Assert.NotNull(reserved);
        var code = await app.InScopeAsync(sp => sp.GetRequiredService<Summit.Server.Access.Credentials.CredentialService>().GetCodeAsync(reserved.Value));
        Assert.NotNull(code);

        await using var session = await app.Services.GetRequiredService<DemoPlayer>().StartSessionAsync(DemoSeeder.DefaultSeed, CancellationToken.None);
        Assert.NotNull(session);
        Assert.Equal(reserved, session.ReservedGuestId);
        Assert.NotEmpty(session.Script.Beats);
        Assert.DoesNotContain(session.Script.Beats, b => b.Code == code);
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            Assert.Equal(GuestStatus.Accredited, await db.Guests.Where(g => g.Id == reserved).Select(g => g.Status).SingleAsync());
            Assert.False(await db.Scans.AnyAsync(s => s.GuestId == reserved));
        });
    }

    [Fact]
    public async Task A_restart_after_the_morning_carries_on_and_plays_nothing_again()
    {
        var morning = await app.MorningAsync();
        Assert.True(morning.Finished);
        var before = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            return (Scans: await db.Scans.CountAsync(), Holds: await db.Set<ScreeningHold>().CountAsync(), Incidents: await db.Set<Incident>().CountAsync());
        });

        // What `summit demo` does on a start without --reset: a new session on the same database and data directory.
        await using var session = await app.Services.GetRequiredService<DemoPlayer>().StartSessionAsync(DemoSeeder.DefaultSeed, CancellationToken.None);
        Assert.NotNull(session);
        Assert.Equal(DemoScriptWriter.Morning, session.ResumedAt);
        Assert.True(session.Finished);
        for (var minute = 0; minute <= DemoScriptWriter.Morning.TotalMinutes; minute += 15)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(2));
            await session.PlayUntilAsync(TimeSpan.FromMinutes(minute), CancellationToken.None);
        }

        Assert.Equal(0, session.Stats.Scans);
        Assert.Equal(0, session.Stats.FeverReadings);
        var after = await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            return (Scans: await db.Scans.CountAsync(), Holds: await db.Set<ScreeningHold>().CountAsync(), Incidents: await db.Set<Incident>().CountAsync());
        });
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("601")]
    [InlineData("fast")]
    public void A_speed_outside_1_to_600_is_refused_with_the_reason(string speed)
    {
        var command = SummitCommand.Parse(["demo", "--speed", speed]);
        Assert.Contains("--speed must be a number from 1 to 600", command.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Summit_demo_plays_live_at_the_given_speed_with_a_short_silence_and_no_live_turns_it_off()
    {
        var live = WebApplication.CreateBuilder();
        var command = SummitCommand.Parse(["demo", "--reset", "--speed", "60", "--urls", "http://127.0.0.1:5099"]);
        Assert.Null(command.Error);
        Assert.Equal(["--urls", "http://127.0.0.1:5099"], command.HostArgs);
        command.Configure(live);
        Assert.Equal("true", live.Configuration["Summit:Demo:Live:Enabled"]);
        Assert.Equal("60", live.Configuration["Summit:Demo:Live:Speed"]);
        Assert.Equal("00:00:45", live.Configuration["Summit:Screening:SilenceAfter"]);

        var quiet = WebApplication.CreateBuilder();
        var noLive = SummitCommand.Parse(["demo", "--no-live", "--urls", "http://127.0.0.1:5099"]);
        Assert.Equal(["--urls", "http://127.0.0.1:5099"], noLive.HostArgs);
        noLive.Configure(quiet);
        Assert.Equal("false", quiet.Configuration["Summit:Demo:Live:Enabled"]);
        Assert.Null(quiet.Configuration["Summit:Screening:SilenceAfter"]);

        var server = WebApplication.CreateBuilder();
        SummitCommand.Parse([]).Configure(server);
        Assert.Null(server.Configuration["Summit:Demo:Live:Enabled"]);
    }
}
