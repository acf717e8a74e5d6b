namespace Summit.Server.Privacy;

/// <summary>The retention period in force for an event and when it ends.</summary>
/// <param name="FromEvent">False while the event has no period of its own and the configured default applies.</param>
/// <param name="LastDayKept">The last day (in the event's time zone) the data is kept.</param>
/// <param name="DueAt">The moment the purge may run.</param>
public sealed record RetentionView(Guid EventId, int RetentionDays, int DefaultDays, bool FromEvent, DateOnly EventEndDate, string TimeZoneId,
    DateOnly LastDayKept, DateTimeOffset DueAt, DateTimeOffset? UpdatedAt, string? UpdatedBy);
