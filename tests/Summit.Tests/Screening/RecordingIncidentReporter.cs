using Summit.Server.Incidents;
using Summit.Server.Infrastructure.Incidents;

namespace Summit.Tests.Screening;

/// <summary>Notes each report, then hands it to the incidents module's real reporter: tests see what was reported and what it opened.</summary>
public sealed class RecordingIncidentReporter(IncidentLog log, IncidentReporter real) : IIncidentReporter
{
    public async Task<Guid> ReportAsync(AutomaticIncidentReport report, CancellationToken ct = default)
    {
        var id = await real.ReportAsync(report, ct);
        log.Reports.Enqueue((id, report));
        return id;
    }

    public async Task SettleAsync(Guid incidentId, IncidentSettlement settlement, string note, CancellationToken ct = default)
    {
        await real.SettleAsync(incidentId, settlement, note, ct);
        log.Settlements.Enqueue((incidentId, settlement, note));
    }
}
