using Summit.Server.Demo;
using Summit.Server.Programme.Rules;
using Summit.Server.Programme.Scheduling;
using Summit.Server.Venues.Contracts;

namespace Summit.Benchmarks;

/// <summary>
/// Scheduling problems made by code from a seed, the same every time: the reference event (the demo's fifteen rooms in two venues with their
/// hours and confirmed bookings, three days, 150 sessions in a main forum, twenty sub-forums and bilateral meetings, about 400 speaker
/// assignments, availability windows, 20 minutes between the venues) and a synthetic one of any size (1,000 sessions in 60 rooms over five
/// days by default).
/// </summary>
public static class ScheduleScenarios
{
    private static readonly DateTimeOffset Day1 = new(2021, 9, 26, 0, 0, 0, TimeSpan.FromHours(8));

    /// <summary>
    /// The reference event with an interpretation kit stock of <paramref name="kits"/>: the main forum's sessions need 4 kits each (the pinned
    /// opening holds 4), the sub-forums' 1 to 3 (drawn from a stream of their own, so the reference event itself is the same), the bilateral
    /// meetings none.
    /// </summary>
    public static ScheduleProblem WithKits(ScheduleProblem reference, int seed, int kits)
    {
        var random = new Random(seed + 1);
        var item = Guid.Parse("00000000-0000-0000-0000-00000000a001");
        var sessions = reference.Sessions.Select(s => s.Audiences[0] switch
        {
            "forum:main" => s with { Equipment = [new ReservedEquipment(item, 4)] },
            "forum:bilateral" => s,
            _ => s with { Equipment = [new ReservedEquipment(item, random.Next(1, 4))] },
        }).ToList();
        return reference with { Sessions = sessions, Stock = [new ScheduleStock(item, kits, [])] };
    }

    public static ScheduleProblem Reference(int seed, ScheduleLimits limits)
    {
        var random = new Random(seed);
        var center = Guid.Parse("00000000-0000-0000-0000-0000000000c1");
        var expo = Guid.Parse("00000000-0000-0000-0000-0000000000e1");
        var codes = new Dictionary<string, Guid>();
        var rooms = DemoRooms.RoomFigures.Select((r, i) =>
        {
            var id = new Guid(i + 1, 0, 0, new byte[8]);
            codes[r.Code] = id;
            var busy = DemoRooms.ConfirmedBookings.Where(b => b.Room == r.Code).Select(b =>
            {
                var start = Day1.AddDays(b.Day).Add(b.Start.ToTimeSpan());
                return new TimeWindow(start.AddMinutes(-b.Setup), start.AddMinutes(b.Minutes + b.Teardown));
            }).ToList();
            return new ScheduleRoom(id, r.InExpo ? expo : center, Seats(r.Theatre, r.Classroom, r.Banquet, r.Boardroom), Hours(3, 6, 23), busy);
        }).ToList();

        var people = Enumerable.Range(0, 260).Select(i => new Guid(0, 0, (short)(i + 1), new byte[8])).ToList();
        var sessions = new List<ScheduleSession>();
        // The main forum: the opening ceremony pinned in the main hall on the first morning, then keynotes, dialogues and releases.
        var main = "forum:main";
        sessions.Add(new ScheduleSession(Id(sessions.Count), 90, SeatingLayout.Theatre, 1800, Speakers(random, people, 4), [main],
            new SchedulePlacement(codes["MFH"], Day1.AddHours(9), Day1.AddHours(10.5)), Movable: false));
        while (sessions.Count < 24)
        {
            sessions.Add(new ScheduleSession(Id(sessions.Count), 15 * random.Next(2, 7), SeatingLayout.Theatre, random.Next(600, 1800),
                Speakers(random, people, random.Next(2, 5)), [main], null, true));
        }

        for (var forum = 0; forum < 20; forum++)
        {
            for (var i = 0; i < 6; i++)
            {
                sessions.Add(new ScheduleSession(Id(sessions.Count), 15 * random.Next(3, 9), SeatingLayout.Theatre, random.Next(60, 360),
                    Speakers(random, people, random.Next(2, 5)), [$"forum:{forum}"], null, true));
            }
        }

        while (sessions.Count < 150)
        {
            sessions.Add(new ScheduleSession(Id(sessions.Count), 45, SeatingLayout.Boardroom, random.Next(8, 16), Speakers(random, people, 2), ["forum:bilateral"],
                null, true));
        }

        var settings = RuleSettings.Defaults with { RequiredLanguages = [], TravelMinutes = new Dictionary<(Guid, Guid), int> { [(center, expo)] = 20 } };
        return new ScheduleProblem(Day1, 3, 15, rooms, sessions, Availability(random, people, 3, 0.35), settings, new Dictionary<Guid, SchedulePlacement>(), limits);
    }

    public static ScheduleProblem Synthetic(int seed, int sessionCount, int roomCount, int days, ScheduleLimits limits)
    {
        var random = new Random(seed);
        var venues = Enumerable.Range(0, 3).Select(i => new Guid(0, (short)(i + 1), 0, new byte[8])).ToList();
        var rooms = Enumerable.Range(0, roomCount).Select(i =>
        {
            var seats = i < roomCount / 15 ? 1000 : i < roomCount / 3 ? 300 : 100;
            return new ScheduleRoom(new Guid(i + 1, 0, 0, new byte[8]), venues[i % venues.Count], Seats(seats, seats / 2, 0, seats >= 300 ? 0 : 30),
                Hours(days, 8, 20), []);
        }).ToList();
        var people = Enumerable.Range(0, sessionCount * 9 / 5).Select(i => new Guid(0, 0, (short)(i + 1), new byte[8])).ToList();
        var sessions = Enumerable.Range(0, sessionCount).Select(i =>
        {
            var size = random.NextDouble();
            var attendance = size < 0.05 ? random.Next(300, 1000) : size < 0.3 ? random.Next(100, 300) : random.Next(20, 100);
            return new ScheduleSession(Id(i), 15 * random.Next(2, 9), SeatingLayout.Theatre, attendance, Speakers(random, people, random.Next(2, 4)),
                [$"forum:{i / 10}"], null, true);
        }).ToList();
        var travel = new Dictionary<(Guid, Guid), int> { [(venues[0], venues[1])] = 15, [(venues[0], venues[2])] = 25, [(venues[1], venues[2])] = 20 };
        var settings = RuleSettings.Defaults with { RequiredLanguages = [], TravelMinutes = travel };
        return new ScheduleProblem(Day1, days, 15, rooms, sessions, Availability(random, people, days, 0.3), settings,
            new Dictionary<Guid, SchedulePlacement>(), limits);
    }

    private static Guid Id(int i) => new(0, 0, 0, [0, 0, 0, 0, (byte)(i >> 24), (byte)(i >> 16), (byte)(i >> 8), (byte)i]);

    private static Dictionary<SeatingLayout, int> Seats(int theatre, int classroom, int banquet, int boardroom) => new()
    {
        [SeatingLayout.Theatre] = theatre,
        [SeatingLayout.Classroom] = classroom,
        [SeatingLayout.Banquet] = banquet,
        [SeatingLayout.Boardroom] = boardroom,
    };

    private static List<TimeWindow> Hours(int days, int opens, int closes) =>
        [.. Enumerable.Range(0, days).Select(d => new TimeWindow(Day1.AddDays(d).AddHours(opens), Day1.AddDays(d).AddHours(closes)))];

    /// <summary>Speakers drawn with a skew, so that about a quarter of them speak more than once; never twice in one session.</summary>
    private static List<Guid> Speakers(Random random, List<Guid> people, int count)
    {
        var chosen = new HashSet<Guid>();
        while (chosen.Count < count)
        {
            chosen.Add(people[(int)(people.Count * Math.Pow(random.NextDouble(), 1.6))]);
        }

        return [.. chosen];
    }

    /// <summary>
    /// A share of the people are available on some days only, 08:00 to 20:00, always including the middle day, so that the speakers of one
    /// session always share a day and the event stays feasible.
    /// </summary>
    private static Dictionary<Guid, PersonFacts> Availability(Random random, List<Guid> people, int days, double share) =>
        people.ToDictionary(p => p, p =>
        {
            if (random.NextDouble() >= share)
            {
                return new PersonFacts(p, []);
            }

            var middle = days / 2;
            var windows = Enumerable.Range(0, days).Where(d => d == middle || random.NextDouble() < 0.4)
                .Select(d => new TimeWindow(Day1.AddDays(d).AddHours(8), Day1.AddDays(d).AddHours(20))).ToList();
            return new PersonFacts(p, windows);
        });
}
