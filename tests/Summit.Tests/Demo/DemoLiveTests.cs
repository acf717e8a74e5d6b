using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Server.Demo;
using Summit.Server.Demo.Live;
using Summit.Server.Faces.Settings;
using Summit.Server.Guests.Contracts;
using Summit.Server.Incidents;
using Summit.Server.Infrastructure.Cli;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
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
    public void With_faces_the_script_brings_the_lane_vips_on_their_face_and_plays_the_lent_badge_in_order()
    {
        var people = Enumerable.Range(0, 120).Select(i => new DemoPerson(Guid.NewGuid(), $"guest{i:D3}@example", $"CODE{i}",
            new[] { "VIP", "Speaker", "Delegate", "Staff" }[i % 4], Arrived: i % 8 == 0)).ToList();
        var sensors = DemoScreening.SensorGates.ToDictionary(g => g, DemoScreening.SensorCodeOf);
        bool Opens(string category, string zone) => DemoVenue.CategoryZones[category].Contains(zone);
        DemoFace FaceOf(DemoPerson person) => new(person.GuestId, "sample1.jpg", 100, 100, 80);
        var vips = people.Where(p => p.Category == "VIP" && !p.Arrived).Take(3).ToList();
        var (holder, borrower) = (people[1], people[5]);
        var cast = new DemoFaceCast(DemoFaces.LaneGate, [.. vips.Select(FaceOf)], FaceOf(holder), FaceOf(borrower));

        var script = DemoScriptWriter.Write(people, sensors, 50, Opens, 7, cast);

        Assert.Equal(script.Beats, DemoScriptWriter.Write(people, sensors, 50, Opens, 7, cast).Beats);
        foreach (var vip in vips)
        {
            // Arrives at the face lane with the face alone (a second tap after it, if any, is a code).
            var arrival = script.Beats.First(b => b.Kind == DemoBeatKind.Scan && b.Code == vip.Code);
            Assert.Equal((DemoFaces.LaneGate, vip.GuestId, true), (arrival.Gate, arrival.FaceOf, arrival.FaceOnly));
        }

        Assert.Equal(vips.Select(v => (Guid?)v.GuestId).Order(), script.Beats.Where(b => b.FaceOnly).Select(b => b.FaceOf).Order());
        Assert.Equal(vips.Count, script.FaceLaneArrivals);
        Assert.Equal(DemoScriptWriter.LentBadgeAt, script.LentBadgeAt);
        var scene = script.Beats.Where(b => b.Kind is DemoBeatKind.LentBadgeReported or DemoBeatKind.LentBadgeResolved
            || (b.Kind == DemoBeatKind.Scan && b.Gate == DemoFaces.LaneGate && (b.Code == holder.Code || b.Code == borrower.Code))).ToList();
        // The holder's code with the borrower's face; reported; the borrower's own code and face; resolved; the holder with their own.
        (DemoBeatKind Kind, string? Code, Guid? Face)[] expected =
        [
            (DemoBeatKind.Scan, holder.Code, borrower.GuestId),
            (DemoBeatKind.LentBadgeReported, null, null),
            (DemoBeatKind.Scan, borrower.Code, borrower.GuestId),
            (DemoBeatKind.LentBadgeResolved, null, null),
            (DemoBeatKind.Scan, holder.Code, holder.GuestId),
        ];
        Assert.Equal(expected, scene.Select(b => (b.Kind, b.Code, b.FaceOf)));
        Assert.Equal(DemoScriptWriter.LentBadgeAt, scene[0].At);
        Assert.All(scene, b => Assert.False(b.FaceOnly));

        // A holder who arrived already cannot lend an unused badge: no scene then.
        var arrived = people.Select(p => p == holder ? p with { Arrived = true } : p).ToList();
        var without = DemoScriptWriter.Write(arrived, sensors, 50, Opens, 7, cast);
        Assert.Null(without.LentBadgeAt);
        Assert.DoesNotContain(without.Beats, b => b.Kind is DemoBeatKind.LentBadgeReported or DemoBeatKind.LentBadgeResolved);
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
    public async Task The_morning_passes_vips_at_the_face_lane_on_their_face_and_refuses_a_lent_badge_that_the_staff_report_and_resolve()
    {
        var morning = await app.MorningAsync();

        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            var eventId = await db.Events.Select(e => e.Id).SingleAsync();
            var cast = DemoLiveState.Load(DemoLiveState.PathIn(sp.GetRequiredService<IConfiguration>()), eventId)?.Faces;
            Assert.NotNull(cast);
            var (holder, borrower) = (cast.LentBadgeHolder!.GuestId, cast.LentBadgeBorrower!.GuestId);
            var threshold = (await sp.GetRequiredService<FaceSettingsService>().GetAsync()).Threshold;
            var lane = await db.Gates.Where(g => g.Code == DemoFaces.LaneGate).Select(g => g.Id).SingleAsync();
            var live = (await db.Scans.AsNoTracking().ToListAsync()).Where(s => !morning.Seeded.Contains(s.Id)).OrderBy(s => s.ReceivedAt).ToList();

            // VIPs found by the server's 1:N search on their frames, each under the threshold, and nobody else.
            var byFace = live.Where(s => s.FaceLane && s.Admitted).ToList();
            Assert.NotEmpty(byFace);
            Assert.Equal(morning.Stats.FaceLanePassages, byFace.Count);
            Assert.All(byFace, s => Assert.Equal((true, lane, true), (cast.LaneVips.Any(v => v.GuestId == s.GuestId), s.GateId, s.FaceDistance < threshold)));

            // The lent badge: the holder's code with the borrower's face, refused with the distance the comparison gave.
            var lent = Assert.Single(live, s => s.Reason == ReasonCode.FaceMismatch);
            Assert.Equal(((Guid?)holder, lane, false), (lent.GuestId, lent.GateId, lent.Admitted));
            Assert.True(lent.FaceDistance > threshold, $"distance {lent.FaceDistance}");
            // The borrower came back with their own badge (not enrolled: decided on the code); the holder later with theirs, a 1:1 match.
            var borrowerIn = live.Single(s => s.GuestId == borrower && s.GateId == lane);
            var holderIn = live.Single(s => s.GuestId == holder && s.GateId == lane && s.Admitted);
            Assert.True(borrowerIn.Admitted && borrowerIn.FaceDistance is null && borrowerIn.ReceivedAt > lent.ReceivedAt, $"{borrowerIn.Reason} {borrowerIn.FaceDistance}");
            Assert.True(holderIn.FaceDistance < threshold && holderIn.ReceivedAt > borrowerIn.ReceivedAt, $"{holderIn.FaceDistance}");

            // Reported by the gate operator at the lane, resolved by a security officer with the borrower's own distance.
            var incident = Assert.Single(await db.Set<Incident>().AsNoTracking().Where(i => i.Type == IncidentType.Security && i.Cause == null).ToListAsync());
            Assert.Equal((lane, IncidentStatus.Resolved), (incident.GateId, incident.Status));
            Assert.Equal(DemoSeeder.StaffEmailOf(Roles.GateOperator), incident.ReporterName);
            Assert.Contains(FormattableString.Invariant($"lies {lent.FaceDistance:0.00} from the holder's enrolled face"), incident.Description, StringComparison.Ordinal);
            Assert.Contains("came back with their own badge and was admitted on it", incident.Resolution, StringComparison.Ordinal);
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
