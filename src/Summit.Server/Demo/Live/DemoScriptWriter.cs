namespace Summit.Server.Demo.Live;

/// <summary>
/// Writes the opening morning of the demo event from who holds a code (pure and deterministic: the same people, seed and
/// sensors always give the same script). Guests who have not arrived come through the entry gates over the first hour and a
/// quarter, most of them early (a morning rush), each screened by the gate's infrared sensor first; many then go into the main
/// hall; a sub-forum fills above 90% of its capacity; a few readings are fevers; one sensor breaks; and the refusals a morning
/// brings happen on their own (a second tap, an exhibitor at the main hall door, the blocked person). With the demo's faces, the VIPs
/// marked for the face lane come to it with their face alone, and early on a borrowed badge is shown there with the borrower's face:
/// the gate operator reports it, the borrower comes back with their own badge, a security officer resolves it, the holder comes later.
/// </summary>
public static class DemoScriptWriter
{
    public static readonly TimeSpan Morning = TimeSpan.FromMinutes(90);

    /// <summary>The room that fills: the 200-seat sub-forum room D, whose door has a reader.</summary>
    public const string CrowdedZone = "FORUM-D";

    public const string CrowdedGate = "FD";

    /// <summary>The sensor that breaks early in the morning: the second expo lane's camera.</summary>
    public const string BrokenGate = "X2";

    public static readonly TimeSpan BreaksAt = TimeSpan.FromMinutes(3);

    /// <summary>The fevers: when (at the first arrival at the gate from then on), where, and how hot. The first one comes early.</summary>
    public static readonly (TimeSpan From, string Gate, double Celsius)[] FeverPlan =
    [
        (TimeSpan.FromMinutes(3), "N1", 38.4),
        (TimeSpan.FromMinutes(32), "X1", 37.9),
        (TimeSpan.FromMinutes(58), "N2", 38.7),
    ];

    /// <summary>The lent badge's scene: early, so that it shows in the first minute at the default speed; then its steps, after it.</summary>
    public static readonly TimeSpan LentBadgeAt = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan LentBadgeReported = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan BorrowerComesBack = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan LentBadgeResolved = TimeSpan.FromMinutes(12);
    private static readonly TimeSpan HolderArrives = TimeSpan.FromMinutes(20);

    private static readonly TimeSpan ArrivalsEnd = TimeSpan.FromMinutes(75);
    // Early enough that, at the default speed, the room is full within a minute of the server answering.
    private static readonly TimeSpan CrowdFrom = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan CrowdUntil = TimeSpan.FromMinutes(26);

    /// <param name="sensors">The infrared sensor of each gate that has one (gate code to sensor code).</param>
    /// <param name="crowdCapacity">The capacity of <see cref="CrowdedZone"/>; 0 when the event has no such zone (no crowd then).</param>
    /// <param name="opens">Whether a category opens a zone (the demo's category grants).</param>
    /// <param name="faces">The guests the demo enrolled from real faces, or null when it has none (no face scenes then).</param>
    public static DemoScript Write(IReadOnlyList<DemoPerson> people, IReadOnlyDictionary<string, string> sensors, int crowdCapacity,
        Func<string, string, bool> opens, int seed, DemoFaceCast? faces = null)
    {
        var random = new Random(seed);
        var ordered = people.OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        var laneVips = faces?.LaneVips.Select(v => v.GuestId).ToHashSet() ?? [];
        var lentBadge = LentBadgeOf(ordered, faces);

        // Who arrives when and where: a morning rush (u^1.6 puts most arrivals early), gates by category as in the seeded morning;
        // the lane's VIPs at their face lane. The lent badge's two people come as its scene says.
        var arrivals = ordered.Where(p => !p.Arrived && !(lentBadge is { } scene && (p == scene.Holder || p == scene.Borrower)))
            .Select(p => (Person: p, At: Minutes(ArrivalsEnd.TotalMinutes * Math.Pow(random.NextDouble(), 1.6)),
                Gate: laneVips.Contains(p.GuestId) ? faces!.LaneGate : EntryGate(p, random)))
            .OrderBy(a => a.At).ToList();

        var fevers = new Dictionary<Guid, double>();
        foreach (var (from, gate, celsius) in FeverPlan.Where(f => sensors.ContainsKey(f.Gate)))
        {
            var candidate = arrivals.FirstOrDefault(a => a.Gate == gate && a.At >= from && !fevers.ContainsKey(a.Person.GuestId));
            if (candidate.Person is not null)
            {
                fevers[candidate.Person.GuestId] = celsius;
            }
        }

        var beats = new List<DemoBeat>();
        var brokenSensor = sensors.GetValueOrDefault(BrokenGate);
        if (brokenSensor is not null)
        {
            beats.Add(new DemoBeat(BreaksAt, DemoBeatKind.SensorBreaks, BrokenGate, Sensor: brokenSensor));
        }

        var arrivedAt = new Dictionary<Guid, TimeSpan>();
        foreach (var (person, at, gate) in arrivals)
        {
            if (sensors.TryGetValue(gate, out var sensor) && !(sensor == brokenSensor && at >= BreaksAt))
            {
                var celsius = fevers.TryGetValue(person.GuestId, out var fever) ? fever : 36.0 + random.Next(0, 12) / 10.0;
                beats.Add(new DemoBeat(at, DemoBeatKind.Reading, gate, Celsius: celsius, Sensor: sensor));
            }

            if (fevers.ContainsKey(person.GuestId))
            {
                // Led aside for a second measurement: no scan, and no hall this morning.
                continue;
            }

            beats.Add(laneVips.Contains(person.GuestId)
                ? new DemoBeat(at, DemoBeatKind.Scan, gate, person.Code, FaceOf: person.GuestId, FaceOnly: true)
                : new DemoBeat(at, DemoBeatKind.Scan, gate, person.Code));
            arrivedAt[person.GuestId] = at;
            if (random.Next(100) < 3)
            {
                // Tapped again on the way through: hard anti-passback refuses the second one.
                beats.Add(new DemoBeat(at + TimeSpan.FromSeconds(40), DemoBeatKind.Scan, gate, person.Code));
            }

            if (person.Category == "Exhibitor" && random.Next(10) == 0)
            {
                beats.Add(new DemoBeat(at + TimeSpan.FromMinutes(5), DemoBeatKind.Scan, random.Next(2) == 0 ? "M1" : "M2", person.Code));
            }
        }

        if (lentBadge is { } lent)
        {
            var (holder, borrower) = lent;
            var gate = faces!.LaneGate;
            void Screened(TimeSpan at)
            {
                if (sensors.TryGetValue(gate, out var sensor) && !(sensor == brokenSensor && at >= BreaksAt))
                {
                    beats.Add(new DemoBeat(at, DemoBeatKind.Reading, gate, Celsius: 36.0 + random.Next(0, 12) / 10.0, Sensor: sensor));
                }
            }

            // The borrower shows the holder's code; the lane's camera sees the borrower, whom the server compares with the holder's template.
            Screened(LentBadgeAt);
            beats.Add(new DemoBeat(LentBadgeAt, DemoBeatKind.Scan, gate, holder.Code, FaceOf: borrower.GuestId));
            beats.Add(new DemoBeat(LentBadgeAt + LentBadgeReported, DemoBeatKind.LentBadgeReported, gate));
            // Sent for their own badge, they come back with it: their own code and face.
            beats.Add(new DemoBeat(LentBadgeAt + BorrowerComesBack, DemoBeatKind.Scan, gate, borrower.Code, FaceOf: borrower.GuestId));
            arrivedAt[borrower.GuestId] = LentBadgeAt + BorrowerComesBack;
            beats.Add(new DemoBeat(LentBadgeAt + LentBadgeResolved, DemoBeatKind.LentBadgeResolved, gate));
            // The holder, given the badge back at the desk, comes later.
            Screened(LentBadgeAt + HolderArrives);
            beats.Add(new DemoBeat(LentBadgeAt + HolderArrives, DemoBeatKind.Scan, gate, holder.Code, FaceOf: holder.GuestId));
            arrivedAt[holder.GuestId] = LentBadgeAt + HolderArrives;
        }

        // The sub-forum that fills: people with access to it who are on site by then, in a seeded order, over twenty minutes.
        var crowdTarget = 0;
        var inCrowd = new HashSet<Guid>();
        if (crowdCapacity > 0)
        {
            var candidates = ordered.Where(p => opens(p.Category, CrowdedZone) && (p.Arrived || (arrivedAt.TryGetValue(p.GuestId, out var a) && a < CrowdUntil)))
                .OrderBy(_ => random.Next()).ToList();
            crowdTarget = Math.Min(candidates.Count, (int)Math.Ceiling(crowdCapacity * 0.96));
            var window = CrowdUntil - CrowdFrom;
            for (var i = 0; i < crowdTarget; i++)
            {
                var person = candidates[i];
                var planned = CrowdFrom + window * i / Math.Max(1, crowdTarget);
                var earliest = arrivedAt.TryGetValue(person.GuestId, out var arrived) ? arrived + TimeSpan.FromMinutes(3) : TimeSpan.Zero;
                beats.Add(new DemoBeat(planned > earliest ? planned : earliest, DemoBeatKind.Scan, CrowdedGate, person.Code));
                inCrowd.Add(person.GuestId);
            }
        }

        // The others with a seat in the main hall go in a few minutes after arriving (most of them).
        foreach (var (person, _, _) in arrivals.Where(a => arrivedAt.ContainsKey(a.Person.GuestId) && !inCrowd.Contains(a.Person.GuestId)))
        {
            var hall = arrivedAt[person.GuestId] + TimeSpan.FromMinutes(random.Next(4, 21));
            if (opens(person.Category, "MAIN") && random.Next(10) < 6 && hall < Morning)
            {
                beats.Add(new DemoBeat(hall, DemoBeatKind.Scan, random.Next(2) == 0 ? "M1" : "M2", person.Code));
            }
        }

        // Stable sort: a reading stays before the scan of the same person at the same moment.
        var script = beats.Select((b, i) => (b, i)).OrderBy(x => x.b.At).ThenBy(x => x.i).Select(x => x.b).ToList();
        return new DemoScript(script, Morning, crowdCapacity > 0 ? CrowdedZone : null, crowdTarget, brokenSensor, fevers.Count,
            lentBadge is null ? null : LentBadgeAt);
    }

    /// <summary>The lent badge's holder and borrower, when the demo has both and neither has arrived yet (the holder's code must be unused).</summary>
    private static (DemoPerson Holder, DemoPerson Borrower)? LentBadgeOf(List<DemoPerson> people, DemoFaceCast? faces)
    {
        var holder = people.FirstOrDefault(p => p.GuestId == faces?.LentBadgeHolder?.GuestId && !p.Arrived);
        var borrower = people.FirstOrDefault(p => p.GuestId == faces?.LentBadgeBorrower?.GuestId && !p.Arrived);
        return holder is null || borrower is null ? null : (holder, borrower);
    }

    private static string EntryGate(DemoPerson person, Random random) => person.Category switch
    {
        "Exhibitor" or "Contractor" => random.Next(2) == 0 ? "X1" : "X2",
        "VIP" or "Speaker" or "Staff" => "E1",
        _ => random.Next(2) == 0 ? "N1" : "N2",
    };

    private static TimeSpan Minutes(double minutes) => TimeSpan.FromSeconds(Math.Round(minutes * 60));
}
