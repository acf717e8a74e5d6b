using Summit.Server.Infrastructure.Incidents;

namespace Summit.Server.Incidents;

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

    /// <summary>The title as written (staff write one language; automatic incidents carry English here, as raised).</summary>
    public string Title { get; set; } = "";

    /// <summary>The Chinese title of an automatic incident as raised; null when staff wrote the title in one language.</summary>
    public string? TitleZh { get; set; }

    /// <summary>The catalog key of an automatic incident's title, which it shows in the reader's language (<see cref="IncidentTitles"/>).</summary>
    public string? TitleKey { get; set; }

    /// <summary>The title's arguments as JSON (<see cref="IncidentTitles"/>); null without a key.</summary>
    public string? TitleArguments { get; set; }
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
}
