using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Scanning;
using Summit.Server.Incidents;
using Summit.Server.Infrastructure.Cluster;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Operations.Dashboard;
using Summit.Server.Screening;
using Summit.Server.Screening.Contracts;
using Summit.Tests.Access;

namespace Summit.Tests.Infrastructure;

/// <summary>
/// Live pages and periodic jobs with several server processes on one database (the multi-node trial: a scan on node B reached the
/// dashboard on node A after 4.9 s and never its gate counts; the live access page after 18 s; the bell never).
/// </summary>
public class ClusterFeedsTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    /// <summary>Signals of a lone process (SQLite): nothing leaves it.</summary>
    public static ClusterSignals OneProcessSignals() =>
        new(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:"), NullLogger<ClusterSignals>.Instance);

    [Fact]
    public void Scans_cross_as_text_and_come_back_the_same_in_chunks_that_fit_a_notification()
    {
        var feed = new AccessLiveFeed(OneProcessSignals(), NullLogger<AccessLiveFeed>.Instance);
        var at = new DateTimeOffset(2026, 11, 8, 9, 30, 15, TimeSpan.FromHours(8));
        var scans = Enumerable.Range(0, 120).Select(i => new LiveScan(
            new ScanTallyItem(Guid.NewGuid(), Guid.NewGuid(), at.AddSeconds(i), i % 2 == 0 ? GateDirection.Entry : GateDirection.Exit, i % 3 != 0,
                i % 3 == 0 ? ReasonCode.AlreadyInside : ReasonCode.Admitted), at.AddSeconds(i).AddMilliseconds(40))).ToList();

        var texts = feed.Encode(scans).ToList();

        Assert.Equal(3, texts.Count);
        Assert.All(texts, t => Assert.True(t.Length <= ClusterSignals.MaxPayloadLength && t.IndexOfAny(['"', '\\']) < 0));
        var back = texts.SelectMany(t => feed.Decode(t)!).ToList();
        Assert.Equal(scans.Select(s => (s.Scan.ScanId, s.Scan.GateId, s.Scan.ScannedAt.UtcTicks, s.Scan.Direction, s.Scan.Admitted, s.Scan.Reason, s.ReceivedAt.UtcTicks)),
            back.Select(s => (s.Scan.ScanId, s.Scan.GateId, s.Scan.ScannedAt.UtcTicks, s.Scan.Direction, s.Scan.Admitted, s.Scan.Reason, s.ReceivedAt.UtcTicks)));
    }

    [Fact]
    public void Incident_and_screening_changes_come_back_the_same_whatever_the_user_ids_hold()
    {
        var incidents = new IncidentFeed(OneProcessSignals(), NullLogger<IncidentFeed>.Instance);
        var users = Enumerable.Range(0, 250).Select(i => i == 7 ? "odd,\"id\\" : Guid.NewGuid().ToString()).ToList();
        var change = new IncidentChange(Guid.NewGuid(), 42, users);

        var texts = incidents.Encode(change).ToList();

        Assert.Equal(3, texts.Count);
        Assert.All(texts, t => Assert.True(t.Length <= ClusterSignals.MaxPayloadLength && t.IndexOfAny(['"', '\\']) < 0));
        var back = texts.Select(t => incidents.Decode(t)!).ToList();
        Assert.All(back, b => Assert.Equal((change.IncidentId, 42), (b.IncidentId, b.Number)));
        Assert.Equal(users, back.SelectMany(b => b.NotifiedUserIds));

        var screening = new ScreeningLiveFeed(OneProcessSignals(), NullLogger<ScreeningLiveFeed>.Instance);
        var held = new ScreeningChange(12, 3, 1, HoldDecided: true);
        Assert.Equal(held, screening.Decode(Assert.Single(screening.Encode(held))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("zz,1")]
    [InlineData("0123456789abcdef0123456789abcdef,0123456789abcdef0123456789abcdef,1,7,1,0,1")]
    [InlineData("0123456789abcdef0123456789abcdef,0123456789abcdef0123456789abcdef,-1,0,1,0,1")]
    [InlineData("0123456789abcdef0123456789abcdef,0123456789abcdef0123456789abcdef,1,0,2,0,1")]
    [InlineData("0123456789abcdef0123456789abcdef,0123456789abcdef0123456789abcdef,1,0,1,0")]
    public void A_scan_text_that_cannot_be_read_is_refused_and_reaches_no_page(string payload)
    {
        var signals = OneProcessSignals();
        var feed = new AccessLiveFeed(signals, NullLogger<AccessLiveFeed>.Instance);
        var delivered = 0;
        using var subscription = feed.Subscribe(_ =>
        {
            Interlocked.Increment(ref delivered);
            return Task.CompletedTask;
        });

        Assert.Null(feed.Decode(payload));
        signals.Receive(JsonSerializer.Serialize(new { node = "another", topic = AccessLiveFeed.Topic, payload }, JsonSerializerOptions.Web));

        Assert.Equal(0, Volatile.Read(ref delivered));
    }

    [PostgresFact]
    public async Task A_scan_on_one_server_reaches_the_scan_feed_and_the_dashboard_of_the_other()
    {
        var venue = await app.SetUpVenueAsync();
        var code = await app.CodeOfAsync(await app.ApprovedGuestAsync());
        await using var peer = new PeerServer(app);
        _ = peer.Server;
        await Task.WhenAll(peer.Services.GetRequiredService<ClusterSignalListener>().Listening,
            app.Services.GetRequiredService<ClusterSignalListener>().Listening);
        var heard = new TaskCompletionSource<LiveScan>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = app.Services.GetRequiredService<IScanFeed>().Subscribe(scans =>
        {
            if (scans.FirstOrDefault(s => s.Scan.GateId == venue.MainIn.Id) is { } scan)
            {
                heard.TrySetResult(scan);
            }

            return Task.CompletedTask;
        });

        using var onPeer = peer.CreateClient();
        onPeer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Device", venue.MainInToken);
        var scanned = await (await onPeer.PostAsJsonAsync("/api/v1/device/scans", new DeviceScanRequest(Guid.NewGuid(), code), Intents.Json))
            .OkAsync<ScanResponse>();

        var relayed = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((scanned.ScanId, scanned.Admitted, scanned.Reason, GateDirection.Entry),
            (relayed.Scan.ScanId, relayed.Scan.Admitted, relayed.Scan.Reason, relayed.Scan.Direction));
        var board = app.Services.GetRequiredService<OperationsBoard>();
        Assert.True(await EventuallyAsync(async () => (await board.RefreshNowAsync()).Gates.Single(g => g.GateId == venue.MainIn.Id) is var gate
            && gate.Entries + gate.Refusals == 1));
    }

    [PostgresFact]
    public async Task An_incident_raised_on_one_server_rings_the_bell_of_its_recipients_on_the_other()
    {
        using (await app.ClientForAsync(Roles.OperationsCentre))
        {
            // Signs the operations centre's user in, so the incident has a recipient.
        }

        using var gateOperator = await app.ClientForAsync(Roles.GateOperator);
        await using var peer = new PeerServer(app);
        _ = peer.Server;
        await Task.WhenAll(peer.Services.GetRequiredService<ClusterSignalListener>().Listening,
            app.Services.GetRequiredService<ClusterSignalListener>().Listening);
        var heard = new TaskCompletionSource<IncidentChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var subscription = app.Services.GetRequiredService<IncidentFeed>().Subscribe(change =>
        {
            heard.TrySetResult(change);
            return Task.CompletedTask;
        });

        using var onPeer = peer.CreateClient();
        onPeer.DefaultRequestHeaders.Authorization = gateOperator.DefaultRequestHeaders.Authorization;
        var raised = await (await onPeer.PostAsJsonAsync("/api/v1/incidents", new Summit.Server.Incidents.Raising.IncidentInput(
            Summit.Server.Infrastructure.Incidents.IncidentType.Security, Summit.Server.Infrastructure.Incidents.IncidentSeverity.High, null,
            "A man without a badge argues with the stewards", null, null, "Hall A, east door"), Intents.Json)).OkAsync<Summit.Server.Incidents.Reading.IncidentDetail>();

        var change = await heard.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().IncidentNotifications.AsNoTracking()
            .Where(n => n.IncidentId == change.IncidentId).Select(n => n.UserId).ToListAsync());
        Assert.Equal(raised.Summary.Id, change.IncidentId);
        Assert.NotEmpty(stored);
        Assert.Equal(stored.Order(StringComparer.Ordinal), change.NotifiedUserIds.Order(StringComparer.Ordinal));
    }

    [PostgresFact]
    public async Task One_process_leads_the_periodic_jobs_and_another_takes_over_when_it_stops()
    {
        var database = app.Services.GetRequiredService<DatabaseSettings>();
        var name = "test-" + Guid.NewGuid().ToString("N");
        var contenders = Enumerable.Range(0, 3).Select(_ => new ClusterLeadership(database, NullLogger<ClusterLeadership>.Instance, name)).ToList();
        try
        {
            foreach (var contender in contenders)
            {
                await contender.StartAsync(CancellationToken.None);
            }

            await Task.WhenAll(contenders.Select(c => c.Tried));
            var leader = Assert.Single(contenders, c => c.IsLeader);

            await leader.StopAsync(CancellationToken.None);
            Assert.False(leader.IsLeader);
            var rest = contenders.Where(c => c != leader).ToList();
            Assert.True(await EventuallyAsync(() => Task.FromResult(rest.Count(c => c.IsLeader) == 1), ClusterLeadership.CheckInterval * 4));
            await Task.Delay(ClusterLeadership.CheckInterval * 2);
            Assert.Single(rest, c => c.IsLeader);
        }
        finally
        {
            foreach (var contender in contenders)
            {
                await contender.StopAsync(CancellationToken.None);
                contender.Dispose();
            }
        }
    }

    [PostgresFact]
    public async Task A_term_of_leadership_ends_when_its_process_stops_and_the_next_leader_s_term_begins()
    {
        // What the live demo player waits for and plays under: one process plays, and another plays on when it goes.
        var database = app.Services.GetRequiredService<DatabaseSettings>();
        var name = "test-" + Guid.NewGuid().ToString("N");
        var contenders = Enumerable.Range(0, 2).Select(_ => new ClusterLeadership(database, NullLogger<ClusterLeadership>.Instance, name)).ToList();
        try
        {
            foreach (var contender in contenders)
            {
                await contender.StartAsync(CancellationToken.None);
            }

            await Task.WhenAll(contenders.Select(c => c.Tried));
            var leader = Assert.Single(contenders, c => c.IsLeader);
            var other = contenders.Single(c => c != leader);
            var term = await leader.LeadAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            var next = other.LeadAsync(CancellationToken.None);
            await Task.Delay(ClusterLeadership.CheckInterval * 2);
            Assert.False(term.IsCancellationRequested);
            Assert.False(next.IsCompleted);

            await leader.StopAsync(CancellationToken.None);
            Assert.True(term.IsCancellationRequested);
            var nextTerm = await next.WaitAsync(ClusterLeadership.CheckInterval * 4);
            Assert.False(nextTerm.IsCancellationRequested);
            Assert.True(other.IsLeader);
        }
        finally
        {
            foreach (var contender in contenders)
            {
                await contender.StopAsync(CancellationToken.None);
                contender.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_lone_process_on_sqlite_leads_at_once()
    {
        var leadership = new ClusterLeadership(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=:memory:"), NullLogger<ClusterLeadership>.Instance);
        await leadership.StartAsync(CancellationToken.None);

        Assert.True(await leadership.LeadsAsync(CancellationToken.None));
        var term = leadership.LeadAsync(CancellationToken.None);
        Assert.True(term.IsCompletedSuccessfully);
        Assert.False((await term).CanBeCanceled);
        await leadership.StopAsync(CancellationToken.None);
    }

    private static async Task<bool> EventuallyAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < (within ?? TimeSpan.FromSeconds(10)))
        {
            if (await condition())
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }
}
