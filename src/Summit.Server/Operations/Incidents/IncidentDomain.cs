using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Operations.Incidents;

/// <summary>Where an incident is on its way to its end. Resolved and closed incidents may be reopened.</summary>
public enum IncidentStatus
{
    Open,
    Acknowledged,
    InProgress,
    Resolved,
    Closed,
}

/// <summary>A problem the operations centre drives to its end: who raised it, who owns it, where it stands and when each step happened.</summary>
public sealed class Incident
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }

    /// <summary>The human number within the event, shown as INC-0042.</summary>
    public int Number { get; set; }
    public IncidentType Type { get; set; }
    public IncidentSeverity Severity { get; set; }
    public IncidentStatus Status { get; set; }

    /// <summary>The title as written (staff write one language; automatic incidents carry English here).</summary>
    public string Title { get; set; } = "";

    /// <summary>The Chinese title of an automatic incident; null when staff wrote the title in one language.</summary>
    public string? TitleZh { get; set; }
    public string Description { get; set; } = "";

    public Guid? ZoneId { get; set; }
    public Guid? GateId { get; set; }
    public string? PlaceText { get; set; }

    /// <summary>The stable cause of an automatic incident ("screening.fever"); null for incidents raised by staff.</summary>
    public string? Cause { get; set; }

    /// <summary>"{cause}|{place key}" while an automatic incident is not resolved, else null: unique, so one open incident per cause and place.</summary>
    public string? OpenKey { get; set; }

    /// <summary>The staff user who raised it, or null when a module did.</summary>
    public string? ReporterId { get; set; }

    /// <summary>The staff user's name, or "system:{module}" for an automatic incident.</summary>
    public string ReporterName { get; set; } = "";

    /// <summary>The team: a staff role (see <see cref="IncidentTeams"/>).</summary>
    public string? AssignedTeam { get; set; }
    public string? AssignedUserId { get; set; }
    public string? AssignedUserName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public DateTimeOffset? ReopenedAt { get; set; }
    public int ReopenCount { get; set; }
    public string? Resolution { get; set; }

    /// <summary>When the SLA wants it acknowledged and resolved (from the severity, counted again from a reopen).</summary>
    public DateTimeOffset AcknowledgeDueAt { get; set; }
    public DateTimeOffset ResolveDueAt { get; set; }

    /// <summary>Set when a breach was escalated, so each breach is escalated once.</summary>
    public DateTimeOffset? AcknowledgeEscalatedAt { get; set; }
    public DateTimeOffset? ResolveEscalatedAt { get; set; }

    /// <summary>How many automatic reports this incident holds (1 for the first; a repeat adds one).</summary>
    public int ReportCount { get; set; } = 1;
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Changed by every update: two people acting on one incident at once cannot overwrite each other.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public List<IncidentEvidenceLink> Evidence { get; set; } = [];
    public List<IncidentTimelineEntry> Timeline { get; set; } = [];

    /// <summary>Its periods: the first from raising, one more from each reopen. The history a reopen keeps (the fields above start again).</summary>
    public List<IncidentPeriod> Periods { get; set; } = [];

    public bool IsDone => Status is IncidentStatus.Resolved or IncidentStatus.Closed;

    public string DisplayNumber => Format(Number);

    public static string Format(int number) => $"INC-{number:0000}";

    public string TitleIn(string language) =>
        language == Infrastructure.Localization.Localizer.Chinese && !string.IsNullOrEmpty(TitleZh) ? TitleZh : Title;
}

/// <summary>
/// One period of an incident, from its raising (period 0) or a reopen (1, 2...) to the resolution that ended it, with the SLA
/// targets counted from its start. Never cleared: the closing report reads first acknowledgements, final resolutions and the time
/// spent reopened from these, as of any moment.
/// </summary>
public sealed class IncidentPeriod
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid IncidentId { get; set; }

    /// <summary>0 from the raising, then the reopen's number.</summary>
    public int Number { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset AcknowledgeDueAt { get; set; }
    public DateTimeOffset ResolveDueAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}

/// <summary>A record that shows what happened: a scan, a reading, an entry conflict.</summary>
public sealed class IncidentEvidenceLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid IncidentId { get; set; }
    public string Kind { get; set; } = "";
    public string Reference { get; set; } = "";
    public string SummaryEn { get; set; } = "";
    public string SummaryZh { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }
}

/// <summary>What a timeline line says happened (its text is "incidents.timeline.{kind}" in the catalogs).</summary>
public enum TimelineKind
{
    Raised,
    Reported,
    Acknowledged,
    Started,
    Resolved,
    Closed,
    Reopened,
    Assigned,
    Commented,
    PhotoAdded,
    EvidenceAdded,
    AcknowledgeBreached,
    ResolveBreached,
    SeverityChanged,
}

/// <summary>One line of an incident's history: every change, comment and escalation, in order.</summary>
public sealed class IncidentTimelineEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid IncidentId { get; set; }
    public DateTimeOffset At { get; set; }
    public TimelineKind Kind { get; set; }
    public string ActorName { get; set; } = "";

    /// <summary>The comment, the reason, the resolution, or the new assignee, as written.</summary>
    public string? Text { get; set; }
}

/// <summary>A photo of the problem: re-encoded without metadata and encrypted at rest like a guest photo.</summary>
public sealed class IncidentAttachment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid IncidentId { get; set; }
    public byte[] EncryptedJpeg { get; set; } = [];
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
}

/// <summary>A bell entry: a staff user was told about an incident (raised, assigned to them, escalated).</summary>
public sealed class IncidentNotification
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string UserId { get; set; } = "";
    public Guid IncidentId { get; set; }
    public int Number { get; set; }
    public NotificationKind Kind { get; set; }
    public string TitleEn { get; set; } = "";
    public string TitleZh { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

public enum NotificationKind
{
    Raised,
    Assigned,
    Escalated,
}

/// <summary>The last incident number used in an event: incremented under a row lock, so two reports never share a number.</summary>
public sealed class IncidentSequence
{
    public Guid EventId { get; set; }
    public int LastNumber { get; set; }
}
