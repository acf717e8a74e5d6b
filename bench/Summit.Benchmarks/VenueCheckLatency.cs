using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Demo;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Venues;
using Summit.Server.Venues.Bookings;

namespace Summit.Benchmarks;

/// <summary>
/// Latency of the booking check and of the alternatives for a conflicting booking, through <see cref="BookingService"/> on a seeded
/// database: <c>venue-check [--count N] [--warmup N] [--bookings 10000] [--rooms 60] [--provider Sqlite|Postgres]</c>. Seeds one event (the demo's, its venues removed), one venue
/// with the rooms over three buildings and four floors, three equipment items and the confirmed bookings (eight a day per room, some
/// with equipment, over as many days as it takes), then times N calls of each case one by one, a DI scope per call as a request has,
/// on SQLite and, with SUMMIT_BENCH_POSTGRES, on PostgreSQL. Goals (issue 12): check p99 under 5 ms, alternatives under 50 ms.
/// </summary>
public static class VenueCheckLatency
{
    private const int SlotsPerDay = 8;

    public static async Task<int> RunAsync(string[] args)
    {
        var count = CommandLine.Int(args, "--count", 1000);
        var bookingCount = CommandLine.Int(args, "--bookings", 10_000);
        var roomCount = CommandLine.Int(args, "--rooms", 60);
        // Untimed calls before each case: by default a fifth of the timed ones, at least 50. More lets the JIT's background recompilation
        // (tiered compilation) finish before the timing starts, so that it does not run beside the timed calls on a small machine.
        var warmup = CommandLine.Int(args, "--warmup", Math.Max(50, count / 5));
        var only = CommandLine.Text(args, "--provider", "");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"// venue-check: {bookingCount:N0} confirmed bookings over {roomCount} rooms, {count:N0} timed calls per case, {Environment.ProcessorCount} cores, {warmup:N0} warm-up calls"));
        Console.WriteLine("| Provider | Case | Mean | p50 | p90 | p99 | max | CPU per call | Goal |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// load average at start: {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        foreach (var provider in BenchHost.Providers().Where(p => only.Length == 0 || string.Equals(p, only, StringComparison.OrdinalIgnoreCase)))
        {
            await using var host = await BenchHost.CreateAsync(provider, "venue_check");
            var scenario = await SeedAsync(host, bookingCount, roomCount);
            await MeasureAsync(provider, "check, free slot", "p99 < 5 ms", count, warmup, i => CheckAsync(host, scenario.Free(i), expectConflict: false));
            await MeasureAsync(provider, "check, conflicting slot", "p99 < 5 ms", count, warmup, i => CheckAsync(host, scenario.Busy(i), expectConflict: true));
            await MeasureAsync(provider, "alternatives, conflicting slot", "< 50 ms", count, warmup, i => AlternativesAsync(host, scenario.Busy(i)));
        }

        return 0;
    }

    private static async Task CheckAsync(BenchHost host, BookingInput input, bool expectConflict)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var conflicts = await scope.ServiceProvider.GetRequiredService<BookingService>().CheckAsync(input);
        if ((conflicts.Count > 0) != expectConflict)
        {
            throw new InvalidOperationException($"Expected {(expectConflict ? "a conflict" : "no conflict")} at {input.StartsAt:O}, got {conflicts.Count}.");
        }
    }

    private static async Task AlternativesAsync(BenchHost host, BookingInput input)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var alternatives = await scope.ServiceProvider.GetRequiredService<BookingService>().AlternativesAsync(input);
        if (alternatives.Count == 0)
        {
            throw new InvalidOperationException($"No alternative at {input.StartsAt:O}: the scenario should leave rooms free.");
        }
    }

    private static async Task MeasureAsync(string provider, string name, string goal, int count, int warmup, Func<int, Task> call)
    {
        for (var i = 0; i < warmup; i++)
        {
            await call(i);
        }

        var ticks = new long[count];
        var cpu = Environment.CpuUsage.TotalTime;
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call(i + 7919);
            ticks[i] = Stopwatch.GetTimestamp() - start;
        }

        // The benchmark process's own processor time per call (not PostgreSQL's): what a call costs whatever the machine's load.
        var cpuPerCall = (Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds / count;
        var mean = ticks.Average();
        Array.Sort(ticks);
        string At(double quantile) => Ms(ticks[Math.Min(ticks.Length - 1, (int)(quantile * ticks.Length))]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {name} | {Ms(mean)} | {At(0.50)} | {At(0.90)} | {At(0.99)} | {Ms(ticks[^1])} | {cpuPerCall:N2} ms | {goal} |"));
    }

    private static string Ms(double ticks) => string.Create(CultureInfo.InvariantCulture, $"{ticks * 1000.0 / Stopwatch.Frequency:N2} ms");

    private static async Task<Scenario> SeedAsync(BenchHost host, int bookingCount, int roomCount)
    {
        await DemoSeeder.RunAsync(host.Services, DemoSeeder.DefaultSeed, 10, reset: false);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SummitDbContext>();
        var summitEvent = await scope.ServiceProvider.GetRequiredService<IEventCalendar>().GetCurrentAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(summitEvent.TimeZoneId);
        // The demo's venues go (their rooms, bookings and blockings with them): the figures are of the rooms below only.
        await db.Set<Booking>().ExecuteDeleteAsync();
        await db.Set<RoomBlocking>().ExecuteDeleteAsync();
        await db.Set<Room>().ExecuteDeleteAsync();
        await db.Set<Venue>().ExecuteDeleteAsync();

        var venue = new Venue { EventId = summitEvent.Id, NameEn = "Bench centre", NameZh = "基准中心" };
        db.Add(venue);
        var rooms = Enumerable.Range(0, roomCount).Select(r => new Room
        {
            VenueId = venue.Id,
            Code = string.Create(CultureInfo.InvariantCulture, $"B-{r:D3}"),
            NameEn = $"Room {r}",
            NameZh = $"{r} 室",
            Building = ((char)('A' + r % 3)).ToString(),
            Floor = ((r / 3) % 4 + 1).ToString(CultureInfo.InvariantCulture),
            BoardroomCapacity = 20 + r % 5 * 10,
            TheatreCapacity = 100,
            SetupMinutes = 15,
            TeardownMinutes = 15,
        }).ToList();
        db.AddRange(rooms);
        var items = Enumerable.Range(0, 3).Select(i => new EquipmentItem { EventId = summitEvent.Id, NameEn = $"Kit {i}", NameZh = $"设备 {i}", Quantity = 1000 }).ToList();
        db.AddRange(items);
        await db.SaveChangesAsync();

        // Eight 60-minute bookings a day per room, 90 minutes apart (so that the 15-minute buffers touch): from 08:00, 08:30 or 09:00 in most
        // rooms, from 12:00 in every sixth (free in the morning, so a conflicting morning booking has alternatives); every fourth booking
        // takes 2 of a kit.
        var firstDay = summitEvent.StartDate;
        var days = (int)Math.Ceiling(bookingCount / (double)(roomCount * SlotsPerDay));
        var made = 0;
        for (var day = 0; day < days && made < bookingCount; day++)
        {
            for (var r = 0; r < roomCount && made < bookingCount; r++)
            {
                for (var slot = 0; slot < SlotsPerDay && made < bookingCount; slot++, made++)
                {
                    var start = Local(firstDay.AddDays(day), FirstSlot(r).AddMinutes(slot * 90), zone);
                    var booking = new Booking
                    {
                        EventId = summitEvent.Id,
                        RoomId = rooms[r].Id,
                        Title = $"Meeting {made}",
                        HolderKind = BookingHolderKind.Organizer,
                        ExpectedAttendance = 10,
                        Layout = RoomLayout.Boardroom,
                        State = BookingState.Confirmed,
                        CreatedAt = start.AddDays(-30),
                        CreatedBy = "bench",
                    };
                    booking.SetTimes(start, start.AddMinutes(60), 15, 15);
                    if (made % 4 == 0)
                    {
                        booking.Equipment = [new BookingEquipment { BookingId = booking.Id, EquipmentItemId = items[made % 3].Id, Quantity = 2 }];
                    }

                    db.Add(booking);
                }
            }

            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }

        if (db.Database.IsNpgsql())
        {
            // What autovacuum does within a minute of a bulk load.
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE \"RoomBookings\", \"RoomBookingEquipment\", \"Rooms\", \"RoomBlockings\"");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        var stored = await db.Set<Booking>().CountAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// seeded {stored:N0} confirmed bookings over {roomCount} rooms and {days} days from {firstDay:yyyy-MM-dd}"));
        // Only full days: the last may hold bookings for some rooms only.
        return new Scenario([.. rooms.Where((_, r) => r % 6 != 5).Select(r => r.Id)], firstDay, Math.Max(1, bookingCount / (roomCount * SlotsPerDay)), zone, items[0].Id);
    }

    private static TimeOnly FirstSlot(int room) => room % 6 == 5 ? new TimeOnly(12, 0) : new TimeOnly(8, 0).AddMinutes(room % 3 * 30);

    private static DateTimeOffset Local(DateOnly day, TimeOnly time, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The rooms booked from the morning and the seeded days, and the bookings the cases ask for, varied call by call (room, day).</summary>
    private sealed record Scenario(IReadOnlyList<Guid> Rooms, DateOnly FirstDay, int Days, TimeZoneInfo Zone, Guid Kit)
    {
        /// <summary>02:00-03:00 local: at night, when no room is booked.</summary>
        public BookingInput Free(int i) => Input(i, new TimeOnly(2, 0));

        /// <summary>09:40-10:40 local: across the room's first or second booking; the rooms booked from noon are free then.</summary>
        public BookingInput Busy(int i) => Input(i, new TimeOnly(9, 40));

        private BookingInput Input(int i, TimeOnly at)
        {
            var start = Local(FirstDay.AddDays(i % Days), at, Zone);
            return new BookingInput(Rooms[i * 7 % Rooms.Count], start, start.AddMinutes(60), "Bench booking", BookingHolderKind.Organizer, 12, RoomLayout.Boardroom,
                Equipment: [new EquipmentLine(Kit, 2)]);
        }
    }
}
