using System.Collections.Concurrent;
using Summit.Server.Infrastructure.Incidents;

namespace Summit.Tests.Screening;

/// <summary>Every automatic incident the server reported, in order (the test double of the incidents module's reporter).</summary>
public sealed class IncidentLog
{
    public ConcurrentQueue<(Guid Id, AutomaticIncidentReport Report)> Reports { get; } = new();

    public ConcurrentQueue<(Guid Id, IncidentSettlement Settlement, string Note)> Settlements { get; } = new();

    public List<AutomaticIncidentReport> Of(string cause) => [.. Reports.Select(r => r.Report).Where(r => r.Cause == cause)];
}
