using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Incidents.Contracts;

/// <summary>The incident records behind one figure, as of a moment; every type when <paramref name="Type"/> is null.</summary>
public sealed record IncidentTrace(DateTimeOffset AsOf, IncidentMeasure Measure, IncidentType? Type = null);
