using System.Net.Http.Json;
using System.Text;
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

/// <summary>Readings through Summit's in-process broker: stored when good; hostile ones refused, counted by reason, and harmless.</summary>
public sealed class IngestionTests(ScreeningFactory app) : IClassFixture<ScreeningFactory>
{
    [Fact]
    public async Task Every_bad_message_is_refused_and_counted_by_sensor_and_reason_and_nothing_crashes()
    {
        var sensor = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        var other = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        var revoked = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        using (var admin = await app.ClientForAsync(Roles.Admin))
        {
            await (await admin.PostAsync($"/api/v1/screening/sensors/{revoked.Sensor.Id}/revoke", null)).OkAsync<SensorView>();
        }

        using var publisher = await app.PublisherAsync(sensor.Sensor.Code, sensor.Secret);
        var topic = SensorMessages.TopicFor(sensor.Sensor.Code);
        var now = app.Clock.GetUtcNow();
        var good = app.Reading(sensor, 36.5, 10);
        var messages = new List<(string Payload, string Reason)>
        {
            // Over the payload's 1,024 bytes but within the broker's packet limit (bigger packets: BrokerSecurityTests).
            (new string('x', 2000), RefusalReasons.TooLarge),
            ("not json at all", RefusalReasons.Malformed),
            ("{}", RefusalReasons.Malformed),
            ("[1,2,3]", RefusalReasons.Malformed),
            ("{\"sensor\":{\"a\":{\"b\":{\"c\":{\"d\":1}}}}}", RefusalReasons.Malformed),
            ($"{{\"sensor\":\"{sensor.Sensor.Code}\",\"celsius\":\"warm\",\"at\":\"{now:O}\",\"seq\":1,\"sig\":\"{new string('0', 64)}\"}}", RefusalReasons.Malformed),
            ($"{{\"sensor\":\"{sensor.Sensor.Code}\",\"celsius\":36.6,\"at\":\"yesterday\",\"seq\":1,\"sig\":\"{new string('0', 64)}\"}}", RefusalReasons.Malformed),
            ($"{{\"sensor\":\"{sensor.Sensor.Code}\",\"celsius\":1e400,\"at\":\"{now:O}\",\"seq\":1,\"sig\":\"{new string('0', 64)}\"}}", RefusalReasons.Malformed),
            (SensorMessages.Payload("GHOST-1", "sss_guess", 36.6, now, 1), RefusalReasons.UnknownSensor),
            (app.Reading(revoked, 36.6, 1), RefusalReasons.RevokedSensor),
            (app.Reading(other, 36.6, 1), RefusalReasons.TopicMismatch),
            (SensorMessages.Payload(sensor.Sensor.Code, "sss_wrong-secret", 36.6, now, 2), RefusalReasons.BadSignature),
            (good.Replace("36.5", "39.5", StringComparison.Ordinal), RefusalReasons.BadSignature),
            (app.Reading(sensor, 29.0, 3), RefusalReasons.OutOfRange),
            (app.Reading(sensor, 46.2, 4), RefusalReasons.OutOfRange),
            (app.Reading(sensor, 36.6, 5, now.AddMinutes(-10)), RefusalReasons.TooOld),
            (app.Reading(sensor, 36.6, 6, now.AddMinutes(5)), RefusalReasons.FutureTime),
            (good, ""),
            (good, RefusalReasons.Replayed),
            (app.Reading(sensor, 36.7, 9), RefusalReasons.Replayed),
        };

        var before = app.Processed;
        var storedBefore = app.Writer.Stored;
        foreach (var (payload, _) in messages)
        {
            await ScreeningFactory.PublishAsync(publisher, topic, payload);
        }

        // Raw bytes that are not UTF-8 at all.
        await ScreeningFactory.PublishAsync(publisher, topic, new byte[] { 0xff, 0xfe, 0x00, 0x7b, 0xc3 });
        await app.WaitForProcessedAsync(before, messages.Count + 1);
        Assert.Equal(storedBefore + 1, app.Writer.Stored);

        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var refusals = await (await operations.GetAsync("/api/v1/screening/refusals")).OkAsync<List<RefusalView>>();
        long CountOf(Guid? sensorId, string reason) =>
            refusals.Where(r => r.SensorId == sensorId && r.Reason == reason).Sum(r => r.Count);

        var mine = sensor.Sensor.Id;
        Assert.Equal(1, CountOf(mine, RefusalReasons.TooLarge));
        Assert.Equal(8, CountOf(mine, RefusalReasons.Malformed));
        Assert.Equal(1, CountOf(null, RefusalReasons.UnknownSensor));
        Assert.Contains("GHOST-1", refusals.Single(r => r.SensorId == null && r.Reason == RefusalReasons.UnknownSensor).LastDetail, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(revoked.Sensor.Id, RefusalReasons.RevokedSensor));
        Assert.Equal(1, CountOf(other.Sensor.Id, RefusalReasons.TopicMismatch));
        Assert.Equal(2, CountOf(mine, RefusalReasons.BadSignature));
        Assert.Equal(2, CountOf(mine, RefusalReasons.OutOfRange));
        Assert.Equal(1, CountOf(mine, RefusalReasons.TooOld));
        Assert.Equal(1, CountOf(mine, RefusalReasons.FutureTime));
        Assert.Equal(2, CountOf(mine, RefusalReasons.Replayed));

        // The sensor list shows the accepted reading and the refusals; the server still takes the next good reading.
        var listed = (await (await operations.GetAsync("/api/v1/screening/sensors")).OkAsync<List<SensorView>>()).Single(s => s.Id == mine);
        Assert.Equal(36.5, listed.LastCelsius);
        Assert.Equal(1, listed.ReadingCount);
        Assert.Equal(17, listed.RefusedCount);
        before = app.Processed;
        await ScreeningFactory.PublishAsync(publisher, topic, app.Reading(sensor, 36.9, 11));
        await app.WaitForProcessedAsync(before, 1);
        Assert.Equal(storedBefore + 2, app.Writer.Stored);
    }

    [Fact]
    public async Task The_in_process_broker_lets_in_only_enrolled_sensors_with_their_secret()
    {
        var sensor = await app.EnrolSensorAsync(app.Venue.MainIn.Id);
        await Assert.ThrowsAnyAsync<Exception>(() => app.PublisherAsync(sensor.Sensor.Code, "sss_not-the-secret"));
        await Assert.ThrowsAnyAsync<Exception>(() => app.PublisherAsync(null, null));
        await Assert.ThrowsAnyAsync<Exception>(() => app.PublisherAsync("summit-ingest", "guess"));
        using var client = await app.PublisherAsync(sensor.Sensor.Code, sensor.Secret);
        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task Many_readings_from_many_sensors_are_all_stored()
    {
        var sensors = new List<SensorEnrolment>();
        for (var i = 0; i < 4; i++)
        {
            sensors.Add(await app.EnrolSensorAsync(app.Venue.MainOut.Id));
        }

        var storedBefore = app.Writer.Stored;
        var before = app.Processed;
        const int PerSensor = 500;
        await Task.WhenAll(sensors.Select(async sensor =>
        {
            using var publisher = await app.PublisherAsync(sensor.Sensor.Code, sensor.Secret);
            for (var seq = 1; seq <= PerSensor; seq++)
            {
                await ScreeningFactory.PublishAsync(publisher, SensorMessages.TopicFor(sensor.Sensor.Code), app.Reading(sensor, 36.0 + (seq % 10) / 10.0, seq));
            }
        }));
        await app.WaitForProcessedAsync(before, sensors.Count * PerSensor);

        Assert.Equal(storedBefore + sensors.Count * PerSensor, app.Writer.Stored);
        var ids = sensors.Select(s => s.Sensor.Id).ToList();
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<SensorReading>().CountAsync(r => ids.Contains(r.SensorId)));
        Assert.Equal(sensors.Count * PerSensor, stored);
    }

    [Fact]
    public async Task Enrolment_refuses_bad_input_with_reasons_and_shows_the_secret_once()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var bad = await admin.PostAsJsonAsync("/api/v1/screening/sensors", new SensorInput("has space/slash", "", Guid.NewGuid()), Intents.Json);
        var body = await bad.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains(ScreeningErrors.SensorCodeInvalid, body, StringComparison.Ordinal);
        Assert.Contains(ScreeningErrors.GateUnknown, body, StringComparison.Ordinal);
        Assert.Contains("field.required", body, StringComparison.Ordinal);

        var enrolment = await app.EnrolSensorAsync(app.Venue.MainIn.Id, "IR-DUP-1");
        Assert.StartsWith(SensorService.SecretPrefix, enrolment.Secret, StringComparison.Ordinal);
        var duplicate = await admin.PostAsJsonAsync("/api/v1/screening/sensors", new SensorInput("IR-DUP-1", "again", app.Venue.MainIn.Id), Intents.Json);
        Assert.Contains(ScreeningErrors.SensorCodeDuplicate, await duplicate.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The secret is stored encrypted and never listed.
        var listed = await (await admin.GetAsync("/api/v1/screening/sensors")).Content.ReadAsStringAsync();
        Assert.DoesNotContain(enrolment.Secret, listed, StringComparison.Ordinal);
        var stored = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<Sensor>().SingleAsync(s => s.Id == enrolment.Sensor.Id));
        Assert.False(Encoding.UTF8.GetString(stored.SecretProtected).Contains(enrolment.Secret[4..], StringComparison.Ordinal));
    }
}
