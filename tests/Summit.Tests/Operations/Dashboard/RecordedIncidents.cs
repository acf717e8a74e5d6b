using System.Collections.Concurrent;
using Summit.Server.Infrastructure.Incidents;

namespace Summit.Tests.Operations.Dashboard;

/// <summary>The incident reports the dashboard makes, kept for the test to read (the incidents module is not part of these tests).</summary>
public sealed class RecordedIncidents
{
    public ConcurrentQueue<AutomaticIncidentReport> Reports { get; } = new();

    public ConcurrentQueue<(Guid IncidentId, IncidentSettlement Settlement, string Note)> Settlements { get; } = new();
}
