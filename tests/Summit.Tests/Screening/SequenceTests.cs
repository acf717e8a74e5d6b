using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Screening;
using Summit.Server.Screening.Contracts;
using Summit.Server.Screening.Ingestion;
using Summit.Server.Screening.Sensors;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Screening;

/// <summary>
/// A sensor's sequence number stops replays: it must not be possible to burn it for good with one reading (the probe sent
/// seq 2^63-1 and every later reading was refused), an officer can reset it, and it is kept in the database, so that a reading
/// counts once whichever server process takes it.
/// </summary>
public sealed class SequenceTests(ScreeningFactory app) : IClassFixture<ScreeningFactory>
{
    [Fact]
    public async Task One_reading_with_a_huge_sequence_cannot_burn_the_sensor()
    {
        var sensor = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        var jump = new ScreeningOptions().MaxSequenceJump;
        var storedBefore = app.Writer.Stored;
        await app.PublishReadingsAsync(sensor, (long.MaxValue, 38.9), (5, 36.5), (5 + jump + 1, 36.6), (6, 36.7), (6 + jump, 36.8));

        Assert.Equal(storedBefore + 3, app.Writer.Stored);
        Assert.Equal(6 + jump, (await SensorRowAsync(sensor)).LastSequence);
        var refusals = await RefusalsAsync(sensor);
        Assert.Equal(2, Assert.Single(refusals).Count);
        Assert.Equal(RefusalReasons.SequenceJump, refusals[0].Reason);
    }

    [Fact]
    public async Task A_security_officer_resets_a_sensors_sequence_audited_and_its_next_reading_counts()
    {
        var sensor = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        // The sensor's counter went back to 1 after a repair: everything it sends is refused as replayed.
        await app.PublishReadingsAsync(sensor, (1000, 36.5), (1, 36.6));
        Assert.Equal(RefusalReasons.Replayed, Assert.Single(await RefusalsAsync(sensor)).Reason);

        var reset = $"/api/v1/screening/sensors/{sensor.Sensor.Id}/reset-sequence";
        using (var operator_ = await app.ClientForAsync(Roles.GateOperator))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await operator_.PostAsync(reset, null)).StatusCode);
        }

        using (var officer = await app.ClientForAsync(Roles.SecurityOfficer))
        {
            var view = await (await officer.PostAsync(reset, null)).OkAsync<SensorView>();
            Assert.Equal(-1, view.LastSequence);
            Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsync($"/api/v1/screening/sensors/{Guid.NewGuid()}/reset-sequence", null)).StatusCode);
        }

        var audit = Assert.Single(await app.AuditTrailAsync("sensor", sensor.Sensor.Id), a => a.Action == ScreeningAudit.SequenceReset);
        Assert.Equal(SummitFactory.EmailOf(Roles.SecurityOfficer), audit.ActorName);
        Assert.Equal(("1000", "-1"), audit.Change("lastSequence"));

        var storedBefore = app.Writer.Stored;
        await app.PublishReadingsAsync(sensor, (1, 36.6), (2, 36.7));
        Assert.Equal(storedBefore + 2, app.Writer.Stored);
        Assert.Equal(2, (await SensorRowAsync(sensor)).LastSequence);
    }

    [Fact]
    public async Task The_sequence_is_checked_against_the_database_so_another_server_process_advancing_it_counts()
    {
        var sensor = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        await app.PublishReadingsAsync(sensor, (10, 36.5));
        // Another server process on the same database accepted readings up to 50 meanwhile.
        await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<Sensor>().Where(s => s.Id == sensor.Sensor.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSequence, 50)));

        var storedBefore = app.Writer.Stored;
        await app.PublishReadingsAsync(sensor, (20, 36.6), (51, 36.7));
        Assert.Equal(storedBefore + 1, app.Writer.Stored);
        Assert.Equal(RefusalReasons.Replayed, Assert.Single(await RefusalsAsync(sensor)).Reason);
    }

    [Fact]
    public async Task Two_writers_given_the_same_readings_at_once_store_each_once()
    {
        var sensor = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        // Two writers as two server processes would run them, both handed the same batch (a reading replayed to a second broker).
        var second = ActivatorUtilities.CreateInstance<ReadingWriter>(app.Services);
        var batch = Enumerable.Range(1, 50).Select(seq => new SensorMessage(SensorMessages.TopicFor(sensor.Sensor.Code),
            System.Text.Encoding.UTF8.GetBytes(app.Reading(sensor, 36.5, seq)), app.Clock.GetUtcNow())).ToList();
        await Task.WhenAll(Task.Run(() => app.Writer.WriteWithRetriesAsync(batch, CancellationToken.None)),
            Task.Run(() => second.WriteWithRetriesAsync(batch, CancellationToken.None)));

        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<SensorReading>().CountAsync(r => r.SensorId == sensor.Sensor.Id));
        Assert.Equal(50, stored);
        Assert.Equal(50, Assert.Single(await RefusalsAsync(sensor)).Count);
        Assert.Equal(50, (await SensorRowAsync(sensor)).LastSequence);
    }

    private Task<Sensor> SensorRowAsync(SensorEnrolment sensor) =>
        app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<Sensor>().AsNoTracking().SingleAsync(s => s.Id == sensor.Sensor.Id));

    private async Task<List<RefusalView>> RefusalsAsync(SensorEnrolment sensor)
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        return await (await operations.GetAsync($"/api/v1/screening/refusals?sensorId={sensor.Sensor.Id}")).OkAsync<List<RefusalView>>();
    }
}
