using System.Text;
using Summit.Access.Core;
using Summit.Server.Access;
using Summit.Server.Access.Blocks;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Credentials;
using Summit.Server.Access.Devices;
using Summit.Server.Access.Gates;
using Summit.Server.Access.Grants;
using Summit.Server.Access.Monitoring;
using Summit.Server.Access.Policy;
using Summit.Server.Access.Scanning;
using Summit.Server.Access.Zones;
using Summit.Server.Events;
using Summit.Server.Guests;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Demo;

/// <summary>
/// One-code access in the demo, made through the Access module's services as staff would: zones, gates and what each category
/// opens, a few personal grants, credentials for every accredited and arrived guest (two reissued, one person blocked), a device
/// on each turnstile, and the arrived guests' entries through those turnstiles in the two hours before the demo was created.
/// </summary>
internal static class DemoAccess
{
    public const string AgentTokenFileName = "demo-gate-agent.token";
    public const string AgentDataFolderName = "demo-gate-agent";

    /// <summary>Credentials issued per unit of work: the service's lookups detect changes over every tracked entity, so small batches stay cheap.</summary>
    private const int IssueBatch = 50;

    /// <summary>A guest held the venue's Wi-Fi QR code to a reader: the demo's bad-format scan.</summary>
    private const string WifiCode = "WIFI:T:WPA;S:WIC-2021-Guest;P:wuzhen2021;;";

    private static readonly Actor DemoActor = new(null, "demo", null);

    /// <param name="now">When the demo's guests were made: their arrivals, and so the morning's scans, are timed from it.</param>
    public static async Task<DemoAccessResult> RunAsync(IServiceProvider services, Random random, SummitEvent summitEvent,
        IReadOnlyList<AccreditationCategory> categories, IReadOnlyList<Guest> guests, DateTimeOffset now)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var validity = await ExtendValidityAsync(services, TimeZoneInfo.FindSystemTimeZoneById(summitEvent.TimeZoneId), now);
        var (zoneIds, gateIds) = await InScopeAsync(services, sp => CreateVenueAsync(sp, summitEvent, categories));
        var categoryCodes = categories.ToDictionary(c => c.Id, c => c.Code);
        var holders = guests.Where(g => g.Status is GuestStatus.Accredited or GuestStatus.Arrived).ToList();
        var picks = new Picks(holders, categoryCodes);

        // A few personal zone changes with their reasons, for the guest pages to show (they travel in the gates' policy).
        var grants = await AddPersonalGrantsAsync(services, zoneIds,
        [
            (picks.Take("Delegate", null, g => g.DelegationId is not null), "VIP", GrantChange.Add, "Head of delegation / 代表团团长"),
            (picks.Take("Volunteer", null), "MAIN", GrantChange.Remove, "Assigned to the Expo Center information desk / 派驻博览中心咨询台"),
            (picks.Take("Contractor", null), "MAIN", GrantChange.Add, "Stage and lighting crew of the main forum / 主论坛舞台灯光组"),
        ]);
        var issued = await IssueCredentialsAsync(services, holders);
        var sample = picks.Take("VIP", GuestStatus.Accredited) ?? picks.Take(null, GuestStatus.Accredited);
        var lostBadges = new[] { picks.Take("Delegate", GuestStatus.Accredited), picks.Take("Media", GuestStatus.Accredited) }.OfType<Guest>().ToList();
        var blocked = picks.Take("Delegate", GuestStatus.Accredited);
        var lostCode = await ReissueAndBlockAsync(services, lostBadges, blocked);
        var devices = await EnrolTurnstilesAsync(services, gateIds);

        var personal = grants.ToLookup(g => g.Guest.Id, g => (g.Zone, g.Change));
        bool Opens(Guest guest, string zone) =>
            personal[guest.Id].Where(p => p.Zone == zone).Select(p => (bool?)(p.Change == GrantChange.Add)).LastOrDefault()
            ?? DemoVenue.CategoryZones[categoryCodes[guest.CategoryId]].Contains(zone);

        var (scans, inside) = await InScopeAsync<(int, List<(string, int)>)>(services, async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            var snapshot = await sp.GetRequiredService<AccessSnapshotCache>().GetAsync(db, sp.GetRequiredService<GuestDirectory>(),
                sp.GetRequiredService<AccessSettingsService>(), CancellationToken.None);
            var credentials = sp.GetRequiredService<CredentialService>();
            var arrived = holders.Where(g => g.Status == GuestStatus.Arrived).ToList();
            var codes = await credentials.GetCodesAsync([.. arrived.Select(g => g.Id)]);

            ScanWork At(string gateCode, string code)
            {
                var gate = snapshot.Gates[gateIds[gateCode]];
                var device = devices[gateCode].Device.Id;
                return new ScanWork(DeviceApi.ScannerOf(device), device, gate, Guid.NewGuid(), code, gate.Resolve(null)!.Value, null, ScanSource.Online);
            }

            var plan = PlanMorning(arrived, codes, categoryCodes, Opens, random, now).Select(p => (At(p.Gate, p.Code), p.At)).ToList();
            // After the reissue and the block, at the time they were made: the lost badge turns up, the blocked person tries the gate.
            var later = clock.GetUtcNow();
            if (lostCode is not null)
            {
                plan.Add((At("N1", lostCode), later));
            }

            if (blocked is not null && await credentials.GetCodeAsync(blocked.Id) is { } blockedCode)
            {
                plan.Add((At("N2", blockedCode), later));
            }

            var outcomes = await sp.GetRequiredService<ScanProcessor>().RecordPastAsync(plan);
            var occupancy = await sp.GetRequiredService<AccessQueries>().OccupancyAsync();
            return (outcomes.Count, occupancy.Zones.Where(z => z.Inside > 0).Select(z => (z.Code, z.Inside)).ToList());
        });

        var dataDirectory = SummitHost.DataDirectory(services.GetRequiredService<IConfiguration>());
        var agentData = AgentDataDirectory(dataDirectory);
        if (Directory.Exists(agentData))
        {
            // The journal and policy of an earlier demo's device: its scans and codes mean nothing to this one.
            Directory.Delete(agentData, recursive: true);
        }

        await WriteTokenAsync(dataDirectory, devices[DemoVenue.AgentGate].Token);
        return new DemoAccessResult(DemoVenue.Zones.Length, DemoVenue.Gates.Length, devices.Count, issued, lostBadges.Count, blocked is null ? 0 : 1,
            scans, inside, validity.From, validity.Until, sample?.Id);
    }

    /// <summary>The device token of the turnstile the banner's gate agent runs as.</summary>
    public static string AgentTokenFile(string dataDirectory) => Path.Combine(dataDirectory, AgentTokenFileName);

    /// <summary>The gate agent's own journal and policy for the demo.</summary>
    public static string AgentDataDirectory(string dataDirectory) => Path.Combine(dataDirectory, AgentDataFolderName);

    private static Task<(DateOnly From, DateOnly Until)> ExtendValidityAsync(IServiceProvider services, TimeZoneInfo timeZone, DateTimeOffset now) =>
        InScopeAsync(services, async sp =>
        {
            // Codes stay valid until a year after the demo was made, so that it can be shown after its three days too.
            var (_, settings) = await sp.GetRequiredService<AccessSettingsService>().GetAsync();
            settings.ValidUntil = CredentialTime.FloorToMinute(now.AddYears(1));
            await sp.GetRequiredService<SummitDbContext>().SaveChangesAsync();
            return (LocalDate(settings.ValidFrom, timeZone), LocalDate(settings.ValidUntil, timeZone));
        });

    private static async Task<List<(Guest Guest, string Zone, GrantChange Change)>> AddPersonalGrantsAsync(IServiceProvider services,
        Dictionary<string, Guid> zoneIds, IEnumerable<(Guest? Guest, string Zone, GrantChange Change, string Reason)> grants)
    {
        var added = grants.Where(g => g.Guest is not null).ToList();
        await InScopeAsync(services, async sp =>
        {
            foreach (var (guest, zone, change, reason) in added)
            {
                await sp.GetRequiredService<PersonalGrantService>().AddPersonalGrantAsync(guest!.Id, new PersonalGrantInput(zoneIds[zone], change, Reason: reason));
            }
        });
        return [.. added.Select(g => (g.Guest!, g.Zone, g.Change))];
    }

    private static async Task<int> IssueCredentialsAsync(IServiceProvider services, List<Guest> holders)
    {
        var issued = 0;
        foreach (var batch in holders.Chunk(IssueBatch))
        {
            issued += await InScopeAsync(services, async sp =>
                (await sp.GetRequiredService<CredentialService>().IssueManyAsync(new GuestSelection([.. batch.Select(g => g.Id)]))).Succeeded);
        }

        return issued;
    }

    /// <summary>Replaces the credentials of guests who lost their badge and blocks one person; returns the first lost badge's code.</summary>
    private static Task<string?> ReissueAndBlockAsync(IServiceProvider services, List<Guest> lostBadges, Guest? blocked) => InScopeAsync(services, async sp =>
    {
        var credentials = sp.GetRequiredService<CredentialService>();
        var firstLostCode = lostBadges.Count > 0 ? await credentials.GetCodeAsync(lostBadges[0].Id) : null;
        foreach (var guest in lostBadges)
        {
            await credentials.ReissueAsync(guest.Id, "Lost badge, reported at the accreditation desk / 证件遗失，已在证件办理处登记");
        }

        if (blocked is not null)
        {
            await sp.GetRequiredService<PersonBlockService>().BlockAsync(blocked.Id,
                new BlockInput("Security review pending: identity documents do not match the visa application / 安保复核中：证件信息与签证申请不符"));
        }

        return firstLostCode;
    });

    private static Task<Dictionary<string, DeviceEnrolment>> EnrolTurnstilesAsync(IServiceProvider services, Dictionary<string, Guid> gateIds) =>
        InScopeAsync(services, async sp =>
        {
            var enrolments = new Dictionary<string, DeviceEnrolment>();
            foreach (var gate in DemoVenue.Gates.Where(g => g.Turnstile))
            {
                enrolments[gate.Code] = await sp.GetRequiredService<DeviceService>().EnrolAsync(new DeviceInput($"Turnstile {gate.Code}", gateIds[gate.Code]));
            }

            return enrolments;
        });

    private static async Task<(Dictionary<string, Guid> Zones, Dictionary<string, Guid> Gates)> CreateVenueAsync(IServiceProvider services,
        SummitEvent summitEvent, IReadOnlyList<AccreditationCategory> categories)
    {
        var zoneService = services.GetRequiredService<ZoneService>();
        var gateService = services.GetRequiredService<GateService>();
        var categoryZones = services.GetRequiredService<CategoryZoneService>();
        var zones = new Dictionary<string, Guid>();
        foreach (var zone in DemoVenue.Zones)
        {
            zones[zone.Code] = (await zoneService.CreateZoneAsync(zone)).Id;
        }

        var gates = new Dictionary<string, Guid>();
        foreach (var gate in DemoVenue.Gates)
        {
            gates[gate.Code] = (await gateService.CreateGateAsync(new GateInput(gate.Code, gate.En, gate.Zh, zones[gate.Zone], gate.Directions))).Id;
        }

        var setUpDay = summitEvent.StartDate.AddDays(-1);
        foreach (var category in categories)
        {
            var everyDay = DemoVenue.CategoryZones[category.Code].Select(z => new ZoneDays(zones[z]));
            var setUp = DemoVenue.SetUpDayZones.GetValueOrDefault(category.Code, []).Select(z => new ZoneDays(zones[z], setUpDay, setUpDay));
            await categoryZones.SetCategoryZonesAsync(category.Id, [.. everyDay, .. setUp]);
        }

        return (zones, gates);
    }

    /// <summary>
    /// The arrived guests' morning, in time order: each entered at the time they arrived (the expo for exhibitors and crews, the
    /// conference site for the others, VIPs and staff by the east gate), most of those the main hall opens to went in a few minutes
    /// later and some came out again; plus the refusals a morning brings: a second entry, a zone not granted, a Wi-Fi code.
    /// </summary>
    private static List<(string Gate, string Code, DateTimeOffset At)> PlanMorning(List<Guest> arrived, Dictionary<Guid, string> codes,
        Dictionary<Guid, string> categoryCodes, Func<Guest, string, bool> opens, Random random, DateTimeOffset now)
    {
        var plan = new List<(string Gate, string Code, DateTimeOffset At)> { ("N1", WifiCode, now.AddMinutes(-37)) };
        var passbackTried = false;
        var strayTried = false;
        foreach (var guest in arrived.Where(g => codes.ContainsKey(g.Id)))
        {
            var code = codes[guest.Id];
            var category = categoryCodes[guest.CategoryId];
            var arrival = guest.StatusChangedAt;
            if (!opens(guest, "MAIN"))
            {
                plan.Add((random.Next(2) == 0 ? "X1" : "X2", code, arrival));
                if (!strayTried && category == "Exhibitor")
                {
                    plan.Add(("M1", code, arrival.AddMinutes(5)));
                    strayTried = true;
                }

                continue;
            }

            plan.Add((category is "VIP" or "Speaker" or "Staff" ? "E1" : random.Next(2) == 0 ? "N1" : "N2", code, arrival));
            var hall = arrival.AddMinutes(random.Next(4, 21));
            if (random.Next(4) == 0 || hall >= now)
            {
                continue;
            }

            plan.Add((random.Next(2) == 0 ? "M1" : "M2", code, hall));
            var exit = hall.AddMinutes(random.Next(20, 61));
            if (random.Next(7) == 0 && exit < now)
            {
                plan.Add(("M3", code, exit));
            }
            else if (!passbackTried && hall.AddMinutes(2) < now)
            {
                // The badge handed back over the barrier to a colleague: hard anti-passback refuses it.
                plan.Add(("M2", code, hall.AddMinutes(2)));
                passbackTried = true;
            }
        }

        return [.. plan.OrderBy(p => p.At)];
    }

    private static async Task WriteTokenAsync(string dataDirectory, string token)
    {
        var path = AgentTokenFile(dataDirectory);
        // Created afresh, so that it gets the owner-only mode: the token is the device's password.
        File.Delete(path);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var file = new FileStream(path, options);
        await file.WriteAsync(Encoding.ASCII.GetBytes(token + "\n"));
    }

    private static DateOnly LocalDate(DateTimeOffset time, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time, zone).DateTime);

    private static async Task<T> InScopeAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Use(DemoActor);
        return await action(scope.ServiceProvider);
    }

    private static Task InScopeAsync(IServiceProvider services, Func<IServiceProvider, Task> action) => InScopeAsync(services, async sp =>
    {
        await action(sp);
        return true;
    });

    /// <summary>Distinct guests for the demo's special cases, taken in guest order: the same seed picks the same people.</summary>
    private sealed class Picks(List<Guest> holders, Dictionary<Guid, string> categoryCodes)
    {
        private readonly HashSet<Guid> _taken = [];

        /// <param name="status">Accredited (not arrived yet), Arrived, or null for either.</param>
        public Guest? Take(string? category, GuestStatus? status, Func<Guest, bool>? also = null)
        {
            var guest = holders.FirstOrDefault(g => (status is null || g.Status == status) && (category is null || categoryCodes[g.CategoryId] == category)
                && !_taken.Contains(g.Id) && (also?.Invoke(g) ?? true));
            if (guest is not null)
            {
                _taken.Add(guest.Id);
            }

            return guest;
        }
    }
}
