using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Screening;
using Summit.Server.Screening.Ingestion;
using Summit.Server.Screening.Sensors;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Screening;

/// <summary>
/// Several server processes on one Mosquitto (the multi-node trial: each process ran its own broker, so a sensor belonged to one
/// process and its readings stopped with it). Through a shared subscription the broker hands each reading to one process; each is
/// stored once, and when one process stops the others take every reading.
/// </summary>
public sealed class SharedSubscriptionTests(SharedMosquittoFactory app) : IClassFixture<SharedMosquittoFactory>
{
    [PostgresFact]
    public async Task Two_servers_share_the_readings_each_stored_once_and_the_one_left_takes_them_all()
    {
        var sensor = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        var peer = new PeerServer(app, await app.AddIngestLoginAsync(MqttOptions.IngestLoginPrefix + "-2"));
        try
        {
            _ = peer.Server;
            await peer.Services.GetRequiredService<MqttIngestion>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
            var peerWriter = peer.Services.GetRequiredService<ReadingWriter>();

            await PublishAsync(sensor, 1, 200);
            await WaitForStoredAsync(sensor, 200);
            Assert.True(app.Writer.Stored > 0 && peerWriter.Stored > 0,
                $"The broker handed every reading to one server ({app.Writer.Stored} here, {peerWriter.Stored} on the peer).");
            Assert.Equal(0L, await RefusedAsync(sensor));
        }
        finally
        {
            await peer.DisposeAsync();
        }

        var before = app.Writer.Stored;
        await PublishAsync(sensor, 201, 250);
        await WaitForStoredAsync(sensor, 250);
        Assert.Equal(before + 50, app.Writer.Stored);
        Assert.Equal(250, await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<Sensor>()
            .Where(s => s.Id == sensor.Sensor.Id).Select(s => s.LastSequence).SingleAsync()));
    }

    [Fact]
    public async Task A_late_reading_counts_once_inside_the_reorder_window_and_leaves_the_sensors_latest_value()
    {
        var sensor = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        var second = ActivatorUtilities.CreateInstance<ReadingWriter>(app.Services);
        await WriteAsync(app.Writer, sensor, (2000, 36.9));
        await WriteAsync(second, sensor, (1998, 36.1), (1998, 36.1), (1999, 36.2));
        await WriteAsync(app.Writer, sensor, (1500, 36.3), (999, 36.4), (1998, 36.1));

        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<SensorReading>()
            .Where(r => r.SensorId == sensor.Sensor.Id).OrderBy(r => r.Sequence).Select(r => r.Sequence).ToListAsync());
        Assert.Equal([1500L, 1998L, 1999L, 2000L], stored);
        // The copy of 1998 in its own batch, 999 (1,001 below the last: outside the window) and 1998 again: replayed.
        Assert.Equal(3L, await RefusedAsync(sensor));
        var row = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<Sensor>().AsNoTracking()
            .SingleAsync(s => s.Id == sensor.Sensor.Id));
        Assert.Equal((2000L, (double?)36.9, 4L), (row.LastSequence, row.LastCelsius, row.ReadingCount));
    }

    [Fact]
    public async Task Two_writers_taking_one_sensors_readings_in_turns_at_once_store_each_once_whatever_order_they_commit_in()
    {
        var sensor = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        var second = ActivatorUtilities.CreateInstance<ReadingWriter>(app.Services);
        // As a shared subscription hands them out: odd numbers to one process, even to the other; the evens are replayed to the first too.
        var odd = Enumerable.Range(0, 10).Select(b => Enumerable.Range(b * 10, 10).Select(i => (Seq: 2L * i + 1, 36.5)).ToArray());
        var even = Enumerable.Range(0, 10).Select(b => Enumerable.Range(b * 10, 10).Select(i => (Seq: 2L * i + 2, 36.5)).ToArray()).ToList();
        await Task.WhenAll(
            Task.Run(async () =>
            {
                foreach (var batch in odd.Concat(even))
                {
                    await WriteAsync(app.Writer, sensor, batch);
                }
            }),
            Task.Run(async () =>
            {
                foreach (var batch in even)
                {
                    await WriteAsync(second, sensor, batch);
                }
            }));

        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<SensorReading>()
            .Where(r => r.SensorId == sensor.Sensor.Id).Select(r => r.Sequence).ToListAsync());
        Assert.Equal(200, stored.Count);
        Assert.Equal(200, stored.Distinct().Count());
        Assert.Equal(100L, await RefusedAsync(sensor));
    }

    [Fact]
    public async Task A_sensor_may_not_be_enrolled_under_the_login_of_any_summit_process()
    {
        using var admin = await app.ClientForAsync(Summit.Server.Infrastructure.Identity.Roles.Admin);
        var response = await admin.PostAsJsonAsync("/api/v1/screening/sensors",
            new SensorInput("Summit-Ingest-7", "camera", app.Venue.MainIn.Id), Intents.Json);
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(ScreeningErrors.SensorCodeReserved, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task WriteAsync(ReadingWriter writer, SensorEnrolment sensor, params (long Seq, double Celsius)[] readings) =>
        writer.WriteWithRetriesAsync([.. readings.Select(r => new SensorMessage(SensorMessages.TopicFor(sensor.Sensor.Code),
            System.Text.Encoding.UTF8.GetBytes(app.Reading(sensor, r.Celsius, r.Seq)), app.Clock.GetUtcNow()))], CancellationToken.None);

    private async Task PublishAsync(SensorEnrolment sensor, long from, long to)
    {
        using var publisher = await app.PublisherAsync(sensor.Sensor.Code, sensor.Secret);
        for (var seq = from; seq <= to; seq++)
        {
            await ScreeningFactory.PublishAsync(publisher, SensorMessages.TopicFor(sensor.Sensor.Code), app.Reading(sensor, 36.5, seq));
        }
    }

    private async Task WaitForStoredAsync(SensorEnrolment sensor, int count)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        int stored;
        while ((stored = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<SensorReading>()
                   .CountAsync(r => r.SensorId == sensor.Sensor.Id))) < count)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"Only {stored} of {count} readings were stored.");
            await Task.Delay(50);
        }

        // Nothing more arrives late: each reading was stored once.
        await Task.Delay(300);
        Assert.Equal(count, await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<SensorReading>()
            .CountAsync(r => r.SensorId == sensor.Sensor.Id)));
    }

    private Task<long> RefusedAsync(SensorEnrolment sensor) =>
        app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<SensorRefusalCount>()
            .Where(r => r.SensorId == sensor.Sensor.Id).SumAsync(r => r.Count));
}
