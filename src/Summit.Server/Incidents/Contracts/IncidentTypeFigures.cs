using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Incidents.Contracts;

/// <summary>
/// Incidents of one type as an organizer reads them, as of the report's moment: how many were raised and are resolved; the median
/// minutes from raising to the first acknowledgement and to the final resolution; how many were acknowledged or resolved late
/// (any of their SLA clocks missed: the one started by the raising, or one restarted by a reopen); and, apart, how often they were
/// reopened and the minutes they spent reopened.
/// </summary>
public sealed record IncidentTypeFigures(IncidentType Type, int Raised, int Resolved, double? MedianMinutesToAcknowledge, double? MedianMinutesToResolve,
    int AcknowledgeBreaches, int ResolveBreaches, int Reopens, double MinutesReopened);
