using Microsoft.Extensions.Options;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Screening.Holds;
using Summit.Server.Screening.Ingestion;
using Summit.Server.Screening.Sensors;

namespace Summit.Server.Screening;

/// <summary>REST endpoints of infrared screening under /api/v1/screening.</summary>
public static class ScreeningApi
{
    public static RouteGroupBuilder MapScreeningApi(this RouteGroupBuilder api)
    {
        var screening = api.MapGroup("/screening").WithTags("Screening");
        screening.MapGet("/settings", async (IOptionsMonitor<ScreeningOptions> options, IOptions<MqttOptions> mqtt, MqttIngestion ingestion, ReadingWriter writer,
                ScreeningThreshold threshold, CancellationToken ct) =>
            {
                var o = options.CurrentValue;
                return new ScreeningSettingsView(await threshold.GetAsync(ct), o.SilenceAfter.TotalMinutes, o.MaxReadingAge.TotalMinutes, ingestion.Enabled,
                    mqtt.Value.UsesExternalBroker, ingestion.BrokerPort, writer.Stored, writer.Refused);
            })
            .RequireAuthorization(Policies.ScreeningMonitor).WithSummary("Threshold, silence time and the state of MQTT ingestion");
        screening.MapGet("/settings/threshold", (ScreeningSettingsService settings, CancellationToken ct) => settings.GetThresholdAsync(ct))
            .RequireAuthorization(Policies.ScreeningMonitor).WithSummary("The fever threshold in force, the configured default, who set it and when");
        screening.MapPut("/settings/threshold", (ThresholdInput input, ScreeningSettingsService settings, CancellationToken ct) =>
                settings.SetThresholdAsync(input, ct))
            .RequireAuthorization(Policies.OperationsSettingsManage)
            .WithSummary("Set the current event's fever threshold (35.0 to 42.0 °C, one decimal); audited with the old and new value");

        screening.MapGet("/sensors", (SensorService sensors, CancellationToken ct) => sensors.ListAsync(ct))
            .RequireAuthorization(Policies.ScreeningMonitor).WithSummary("Sensors with their gate, last reading, last seen and refusals");
        screening.MapPost("/sensors", async (SensorInput input, SensorService sensors, CancellationToken ct) =>
            {
                var enrolment = await sensors.EnrolAsync(input, ct);
                return TypedResults.Created($"/api/v1/screening/sensors/{enrolment.Sensor.Id}", enrolment);
            })
            .RequireAuthorization(Policies.SensorsManage).WithSummary("Enrol a sensor on a gate (its secret is in this answer only)");
        screening.MapPost("/sensors/{id:guid}/revoke", (Guid id, SensorService sensors, CancellationToken ct) => sensors.RevokeAsync(id, ct))
            .RequireAuthorization(Policies.SensorsManage).WithSummary("Revoke a sensor: its readings are refused from now on");
        screening.MapPost("/sensors/{id:guid}/reset-sequence", (Guid id, SensorService sensors, CancellationToken ct) => sensors.ResetSequenceAsync(id, ct))
            .RequireAuthorization(Policies.SensorSequenceReset)
            .WithSummary("Start a sensor's sequence over: its next reading is accepted whatever its sequence number (audited)");
        screening.MapGet("/refusals", (Guid? sensorId, SensorService sensors, CancellationToken ct) => sensors.RefusalsAsync(sensorId, ct))
            .RequireAuthorization(Policies.ScreeningMonitor).WithSummary("Refused messages counted per sensor and reason, with the last one's detail");

        screening.MapGet("/holds", (int? decided, HoldService holds, CancellationToken ct) => holds.ListAsync(decided ?? 20, ct))
            .RequireAuthorization(Policies.ScreeningMonitor).WithSummary("Lanes on screening hold, then the latest decided holds");
        screening.MapPost("/holds/{id:guid}/clear", (Guid id, HoldDecisionInput input, HoldService holds, CancellationToken ct) => holds.ClearAsync(id, input, ct))
            .RequireAuthorization(Policies.ScreeningHoldsDecide).WithSummary("Record a normal re-measurement and reopen the lane");
        screening.MapPost("/holds/{id:guid}/confirm", (Guid id, HoldDecisionInput input, HoldService holds, CancellationToken ct) =>
                holds.ConfirmFeverAsync(id, input, ct))
            .RequireAuthorization(Policies.ScreeningHoldsDecide).WithSummary("Record a confirmed fever (person sent to medical care) and reopen the lane");
        return api;
    }
}
