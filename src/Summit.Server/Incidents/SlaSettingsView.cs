namespace Summit.Server.Incidents;

/// <param name="FromEvent">False while the event has no targets of its own and Summit:Incidents applies.</param>
public sealed record SlaSettingsView(SlaSettingsInput Targets, SlaSettingsInput Defaults, bool FromEvent, DateTimeOffset? UpdatedAt, string? UpdatedBy);
