namespace Summit.Server.Infrastructure.Incidents;

/// <summary>
/// The one way any module raises an incident without knowing the Incidents module, which implements it (IncidentReporter).
/// Scoped: it writes through the caller's unit of work and saves, so a report made inside a transaction commits with it.
/// </summary>
public interface IIncidentReporter
{
    /// <summary>Opens an incident, or adds the evidence to the open one of the same cause and place; returns its id.</summary>
    Task<Guid> ReportAsync(AutomaticIncidentReport report, CancellationToken ct = default);

    /// <summary>
    /// The module that reported an incident has settled its cause (a security officer cleared or confirmed a fever hold): moves the
    /// incident on with the note, in the current actor's name and the caller's unit of work. An incident that someone already moved
    /// further keeps its status and gets the note as a comment; an unknown id is ignored.
    /// </summary>
    Task SettleAsync(Guid incidentId, IncidentSettlement settlement, string note, CancellationToken ct = default);
}
