using Summit.Access.Core;
using Summit.Server.Access.Contracts;
using Summit.Server.Guests.Contracts;
using Summit.Server.Operations.Dashboard;

namespace Summit.Tests.Operations.Dashboard;

/// <summary>The dashboard's read models on their own: the funnel, the colours, the per-minute buckets and the crowding episodes.</summary>
public class DashboardReadModelTests
{
    private static readonly CategoryCard Vip = new(Guid.NewGuid(), "VIP", "VIP", "贵宾", "#c62828", 0);
    private static readonly CategoryCard Media = new(Guid.NewGuid(), "Media", "Media", "媒体", "#1565c0", 1);
    private static readonly DateTimeOffset Morning = new(2021, 9, 26, 1, 0, 0, TimeSpan.Zero);
    private static readonly Guid GateA = Guid.NewGuid();
    private static readonly Guid GateB = Guid.NewGuid();

    [Fact]
    public void The_pipeline_counts_each_guest_at_every_step_it_reached()
    {
        var pipeline = ArrivalsPipeline.Build([Media, Vip],
        [
            new(Vip.Id, GuestStatus.Invited, 5),
            new(Vip.Id, GuestStatus.Registered, 4),
            new(Vip.Id, GuestStatus.Approved, 3),
            new(Vip.Id, GuestStatus.Accredited, 2),
            new(Vip.Id, GuestStatus.Arrived, 1),
            new(Vip.Id, GuestStatus.Rejected, 7),
            new(Vip.Id, GuestStatus.Withdrawn, 9),
            new(Media.Id, GuestStatus.Arrived, 10),
        ]);

        var vip = pipeline.Categories.Single(c => c.Code == "VIP");
        // Invited: everyone still in the funnel (rejected guests had registered); arrived guests count at every step.
        Assert.Equal([5 + 4 + 3 + 2 + 1 + 7, 4 + 3 + 2 + 1 + 7, 3 + 2 + 1, 2 + 1, 1], vip.Stages);
        Assert.Equal(7, vip.Rejected);
        Assert.Equal(9, vip.Withdrawn);
        Assert.Equal([10, 10, 10, 10, 10], pipeline.Categories.Single(c => c.Code == "Media").Stages);
        Assert.Equal(["VIP", "Media"], pipeline.Categories.Select(c => c.Code));
        Assert.Equal(22 + 10, pipeline.Total[PipelineStage.Invited]);
        Assert.Equal(11, pipeline.Total[PipelineStage.Arrived]);
    }

    [Fact]
    public void A_category_without_guests_keeps_its_row_with_zeros()
    {
        var pipeline = ArrivalsPipeline.Build([Vip, Media], [new(Vip.Id, GuestStatus.Approved, 2)]);

        Assert.Equal([0, 0, 0, 0, 0], pipeline.Categories.Single(c => c.Code == "Media").Stages);
        Assert.Equal([2, 2, 2, 0, 0], pipeline.Total.Stages);
    }

    [Theory]
    [InlineData(0, 100, OccupancyLevel.Normal)]
    [InlineData(69, 100, OccupancyLevel.Normal)]
    [InlineData(70, 100, OccupancyLevel.Busy)]
    [InlineData(90, 100, OccupancyLevel.Busy)]
    [InlineData(91, 100, OccupancyLevel.Crowded)]
    [InlineData(150, 100, OccupancyLevel.Crowded)]
    [InlineData(12, 0, OccupancyLevel.Unknown)]
    public void Zones_are_green_under_70_percent_amber_to_90_and_red_above(int inside, int capacity, OccupancyLevel level)
    {
        var zone = new ZoneOccupancy(1, "MAIN", "Main", "主", null, capacity, inside, Guid.NewGuid());

        Assert.Equal(level, ZoneLoad.Tile(zone, crowded: false).Level);
    }

    [Fact]
    public void Crowding_raises_once_per_episode_and_rearms_only_under_85_percent()
    {
        var monitor = new CrowdingMonitor();
        var zone = Guid.NewGuid();

        Assert.Equal(CrowdingChange.None, monitor.Observe(zone, 0.90));
        Assert.Equal(CrowdingChange.Raised, monitor.Observe(zone, 0.91));
        Assert.True(monitor.IsCrowded(zone));
        Assert.Equal(CrowdingChange.None, monitor.Observe(zone, 0.95));
        // Wobbling between 85% and 90% is still the same episode.
        Assert.Equal(CrowdingChange.None, monitor.Observe(zone, 0.87));
        Assert.Equal(CrowdingChange.None, monitor.Observe(zone, 0.92));
        Assert.Equal(CrowdingChange.Cleared, monitor.Observe(zone, 0.84));
        Assert.False(monitor.IsCrowded(zone));
        Assert.Equal(CrowdingChange.None, monitor.Observe(zone, 0.88));
        Assert.Equal(CrowdingChange.Raised, monitor.Observe(zone, 0.93));
    }

    [Fact]
    public void Crowding_ends_when_the_capacity_is_removed_and_a_failed_report_is_tried_again()
    {
        var monitor = new CrowdingMonitor();
        var zone = Guid.NewGuid();
        Assert.Equal(CrowdingChange.Raised, monitor.Observe(zone, 1.0));
        Assert.Equal(CrowdingChange.Cleared, monitor.Observe(zone, null));

        Assert.Equal(CrowdingChange.Raised, monitor.Observe(zone, 1.0));
        monitor.Rearm(zone);
        Assert.Equal(CrowdingChange.Raised, monitor.Observe(zone, 1.0));
    }

    [Fact]
    public void Throughput_counts_entries_exits_and_refusals_per_minute_over_all_gates()
    {
        var tally = Seeded();
        tally.Add(
        [
            Scan(GateA, Morning.AddSeconds(5)),
            Scan(GateB, Morning.AddSeconds(50)),
            Scan(GateA, Morning.AddSeconds(59), GateDirection.Exit),
            Scan(GateA, Morning.AddMinutes(1), admitted: false, reason: ReasonCode.ZoneNotGranted),
            Scan(GateB, Morning.AddMinutes(2).AddSeconds(30)),
        ]);

        var minutes = tally.Throughput(Morning.AddMinutes(2).AddSeconds(40), 4);

        Assert.Equal([Morning.AddMinutes(-1), Morning, Morning.AddMinutes(1), Morning.AddMinutes(2)], minutes.Select(m => m.Minute));
        Assert.Equal([(0, 0, 0), (2, 1, 0), (0, 0, 1), (1, 0, 0)], minutes.Select(m => (m.Entries, m.Exits, m.Refusals)));
        Assert.Equal([(1, 1, 0), (0, 0, 1)], tally.Throughput(Morning.AddMinutes(1), 2, GateA).Select(m => (m.Entries, m.Exits, m.Refusals)));
        var perGate = tally.PerGate(Morning.AddMinutes(2).AddSeconds(40), 5);
        Assert.Equal((1, 1, 1), (perGate[GateA].Entries, perGate[GateA].Exits, perGate[GateA].Refusals));
        Assert.Equal(2, perGate[GateB].Entries);
    }

    [Fact]
    public void Minutes_that_slide_out_of_the_window_are_dropped()
    {
        var tally = Seeded();
        tally.Add([Scan(GateA, Morning)]);
        tally.Add([Scan(GateA, Morning.AddMinutes(ScanTally.KeptMinutes + 1))]);

        var perGate = tally.PerGate(Morning.AddMinutes(ScanTally.KeptMinutes + 1), ScanTally.KeptMinutes);

        Assert.Equal(1, perGate[GateA].Entries);
        Assert.Equal(0, tally.Throughput(Morning, 1).Single().Entries);
    }

    [Fact]
    public void Refusals_are_counted_per_reason_since_the_start_of_the_day()
    {
        var tally = new ScanTally();
        tally.Seed(Morning.AddHours(-1), new Dictionary<ReasonCode, int> { [ReasonCode.Expired] = 3 }, []);
        tally.Add(
        [
            Scan(GateA, Morning, admitted: false, reason: ReasonCode.ZoneNotGranted),
            Scan(GateA, Morning, admitted: false, reason: ReasonCode.ZoneNotGranted),
            Scan(GateA, Morning, admitted: false, reason: ReasonCode.Expired),
            // An offline gate uploading yesterday's refusal: not today's.
            Scan(GateA, Morning.AddHours(-2), admitted: false, reason: ReasonCode.Revoked),
            Scan(GateA, Morning),
        ]);

        Assert.Equal([new RefusalCount(ReasonCode.Expired, 4), new RefusalCount(ReasonCode.ZoneNotGranted, 2)], tally.Refusals());

        tally.StartDay(Morning.AddHours(23));
        Assert.Empty(tally.Refusals());
    }

    [Fact]
    public void Scans_the_feed_brings_around_the_seed_count_once()
    {
        var tally = new ScanTally();
        var fedThenSeeded = Scan(GateA, Morning);
        var fedOnly = Scan(GateA, Morning.AddSeconds(1));
        var seededThenFed = Scan(GateB, Morning.AddSeconds(2));
        // The feed delivers before the seed is read: the scans wait for it.
        tally.Add([fedThenSeeded, fedOnly]);
        Assert.False(tally.IsSeeded);

        tally.Seed(Morning.AddHours(-1), new Dictionary<ReasonCode, int>(), [fedThenSeeded, seededThenFed, Scan(GateB, Morning.AddSeconds(3))]);
        tally.Add([seededThenFed]);

        Assert.Equal(4, tally.Throughput(Morning, 1).Single().Entries);
        Assert.Equal(4, tally.Seen);
    }

    private static ScanTally Seeded()
    {
        var tally = new ScanTally();
        tally.Seed(Morning.AddHours(-1), new Dictionary<ReasonCode, int>(), []);
        return tally;
    }

    private static ScanTallyItem Scan(Guid gate, DateTimeOffset at, GateDirection direction = GateDirection.Entry, bool admitted = true,
        ReasonCode reason = ReasonCode.Admitted) => new(Guid.NewGuid(), gate, at, direction, admitted, admitted ? ReasonCode.Admitted : reason);
}
