using Summit.Server.Access.Gates;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Screening.Sensors;

namespace Summit.Server.Demo;

/// <summary>
/// The infrared body-temperature sensors of the demo: one on each main entry lane, enrolled through the screening module as an
/// admin would (each with its own secret, kept encrypted). The live demo publishes their readings over MQTT.
/// </summary>
internal static class DemoScreening
{
    /// <summary>The entry lanes of the two venues: the north and east gates of the conference site, the expo's west gates.</summary>
    internal static readonly string[] SensorGates = ["N1", "N2", "E1", "X1", "X2"];

    public static string SensorCodeOf(string gate) => "IR-" + gate;

    /// <summary>Enrols the sensors the demo does not have yet (an older demo database gets them too); returns how many it has.</summary>
    public static async Task<int> EnrolSensorsAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var provider = scope.ServiceProvider;
        provider.GetRequiredService<CurrentActor>().Use(new Actor(null, "demo", null));
        var sensors = provider.GetRequiredService<SensorService>();
        var existing = (await sensors.ListAsync(ct)).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var gates = await provider.GetRequiredService<GateService>().ListGatesAsync(ct);
        var count = 0;
        foreach (var gate in gates.Where(g => SensorGates.Contains(g.Code)).OrderBy(g => Array.IndexOf(SensorGates, g.Code)))
        {
            var code = SensorCodeOf(gate.Code);
            if (!existing.Contains(code))
            {
                await sensors.EnrolAsync(new SensorInput(code, $"Infrared camera, {gate.NameEn}", gate.Id), ct);
            }

            count++;
        }

        return count;
    }
}
