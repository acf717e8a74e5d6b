using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Server.Demo;
using Summit.Server.Demo.Live;
using Summit.Server.Guests.Contracts;
using Summit.Server.Incidents;
using Summit.Server.Infrastructure.Cli;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Incidents;
using Summit.Server.Screening;
using Summit.Server.Screening.Contracts;
using Summit.Server.Screening.Holds;
using Summit.Server.Screening.Sensors;

namespace Summit.Tests.Demo;

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
