namespace Summit.Server.Infrastructure.Incidents;

/// <summary>What kind of problem an incident is: the operations centre sorts and routes by it.</summary>
public enum IncidentType
{
    Security,
    Health,
    Equipment,
    Crowding,
    GuestService,
    IT,
    Other,
}

/// <summary>How urgent an incident is: each severity has its own response-time target (SLA).</summary>
public enum IncidentSeverity
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>Where a problem is: a zone, a gate, or words when it is neither (at least one is set).</summary>
public sealed record IncidentPlace(Guid? ZoneId = null, Guid? GateId = null, string? Text = null)
{
    /// <summary>The place as one stable key, so that two reports of one cause at one place find each other.</summary>
    public string Key => GateId is { } gate ? $"gate:{gate:N}" : ZoneId is { } zone ? $"zone:{zone:N}" : $"text:{Text?.Trim().ToUpperInvariant()}";
}

/// <summary>The record that shows what happened, linked from the incident: a scan, a reading, an entry conflict.</summary>
/// <param name="Kind">A stable word for the record's kind: "scan", "reading", "entry-conflict", "zone".</param>
/// <param name="Reference">The record's id, as the module that owns it shows it.</param>
public sealed record IncidentEvidence(string Kind, string Reference, string SummaryEn, string SummaryZh);

/// <summary>
/// A problem a module detected on its own (a fever at a gate, a silent sensor, a crowded zone, an offline double entry).
/// <see cref="Cause"/> is a stable key ("screening.fever", "sensor.silent", "zone.crowded", "access.double-entry"):
/// while an incident of the same cause at the same place is open, a new report adds its evidence to it instead of
/// opening another.
/// </summary>
public sealed record AutomaticIncidentReport(IncidentType Type, IncidentSeverity Severity, string Cause, IncidentPlace Place,
    string TitleEn, string TitleZh, IncidentEvidence Evidence);

/// <summary>
/// The one way any module raises an incident without knowing the operations module: the operations module implements it.
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

/// <summary>Where a settled cause moves its incident.</summary>
public enum IncidentSettlement
{
    /// <summary>Work goes on (a confirmed fever: the person is in medical care).</summary>
    InProgress,

    /// <summary>Nothing left to do (a cleared hold: the re-measurement was normal).</summary>
    Resolved,
}
