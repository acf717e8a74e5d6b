using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Screening;
using Summit.Server.Screening.Contracts;
using Summit.Server.Screening.Ingestion;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Screening;

/// <summary>An admin sets the event's fever threshold: validated, audited, and in force for the next reading without a restart.</summary>
public sealed class ThresholdSettingsTests(ScreeningFactory app) : IClassFixture<ScreeningFactory>
{
    [Fact]
    public async Task An_admin_raises_the_threshold_and_the_next_readings_are_judged_by_it()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var before = await (await admin.GetAsync("/api/v1/screening/settings/threshold")).OkAsync<ThresholdView>();
        Assert.Equal((37.3, 37.3, false), (before.ThresholdCelsius, before.DefaultCelsius, before.FromEvent));

        var saved = await (await admin.PutAsJsonAsync("/api/v1/screening/settings/threshold", new ThresholdInput(38.04), Intents.Json))
            .OkAsync<ThresholdView>();
        Assert.Equal((38.0, 37.3, true), (saved.ThresholdCelsius, saved.DefaultCelsius, saved.FromEvent));
        Assert.Equal(SummitFactory.EmailOf(Roles.Admin), saved.UpdatedBy);

        // 37.8 °C was a fever under the default; under the event's 38.0 it is not. 38.2 °C is.
        var gate = app.Venue.MainIn;
        var sensor = await app.EnrolSensorAsync(gate.Id);
        using var publisher = await app.PublisherAsync(sensor.Sensor.Code, sensor.Secret);
        var processed = app.Processed;
        await ScreeningFactory.PublishAsync(publisher, SensorMessages.TopicFor(sensor.Sensor.Code), app.Reading(sensor, 37.8, 1));
        await app.WaitForProcessedAsync(processed, 1);
        Assert.False(await HeldAsync(gate.Id));

        processed = app.Processed;
        await ScreeningFactory.PublishAsync(publisher, SensorMessages.TopicFor(sensor.Sensor.Code), app.Reading(sensor, 38.2, 2));
        await app.WaitForProcessedAsync(processed, 1);
        var hold = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<ScreeningHold>().AsNoTracking()
            .SingleAsync(h => h.GateId == gate.Id && h.Status == HoldStatus.Open));
        Assert.Equal(38.0, hold.Threshold, 3);
        var fevers = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<SensorReading>().AsNoTracking()
            .Where(r => r.SensorId == sensor.Sensor.Id).OrderBy(r => r.Sequence).Select(r => r.Fever).ToListAsync());
        Assert.Equal([false, true], fevers);

        // The operations centre sees the threshold in force; the change is in the audit log with both values.
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        var settings = await (await operations.GetAsync("/api/v1/screening/settings")).OkAsync<ScreeningSettingsView>();
        Assert.Equal(38.0, settings.ThresholdCelsius, 3);
        var audit = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().AuditEntries.AsNoTracking()
            .SingleAsync(a => a.Action == ScreeningAudit.ThresholdChanged));
        Assert.Contains("37.3", audit.Changes!, StringComparison.Ordinal);
        Assert.Contains("38", audit.Changes!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(34.9)]
    [InlineData(42.1)]
    [InlineData(-40)]
    [InlineData(100)]
    public async Task A_threshold_outside_body_temperatures_is_refused_with_its_reason(double celsius)
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var before = await (await admin.GetAsync("/api/v1/screening/settings/threshold")).OkAsync<ThresholdView>();
        await (await admin.PutAsJsonAsync("/api/v1/screening/settings/threshold", new ThresholdInput(celsius), Intents.Json))
            .AssertProblemAsync(422, ScreeningErrors.ThresholdOutOfRange);
        var after = await (await admin.GetAsync("/api/v1/screening/settings/threshold")).OkAsync<ThresholdView>();
        Assert.Equal(before.ThresholdCelsius, after.ThresholdCelsius);
    }

    [Theory]
    [InlineData(Roles.OperationsCentre)]
    [InlineData(Roles.SecurityOfficer)]
    [InlineData(Roles.Secretariat)]
    public async Task Only_an_admin_may_change_the_threshold(string role)
    {
        using var client = await app.ClientForAsync(role);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await client.PutAsJsonAsync("/api/v1/screening/settings/threshold", new ThresholdInput(37.5), Intents.Json)).StatusCode);
    }

    [Theory]
    [InlineData("en", "Screening threshold", "Fever threshold (°C)")]
    [InlineData("zh-Hans", "筛查阈值", "发热阈值（°C）")]
    public async Task The_event_settings_page_has_the_threshold_section_for_the_admin_only(string language, string heading, string field)
    {
        var html = await app.PageAsync(Roles.Admin, "/event", language);
        Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains(field, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"screening-threshold-save\"", html, StringComparison.Ordinal);

        var secretariat = await app.PageAsync(Roles.Secretariat, "/event", language);
        Assert.DoesNotContain("data-testid=\"screening-settings\"", secretariat, StringComparison.Ordinal);
    }

    private Task<bool> HeldAsync(Guid gateId) =>
        app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Set<ScreeningHold>().AnyAsync(h => h.GateId == gateId && h.Status == HoldStatus.Open));
}
