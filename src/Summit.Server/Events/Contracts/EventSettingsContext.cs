namespace Summit.Server.Events.Contracts;

/// <summary>What the event settings page shares with the sections other modules show on it (<see cref="EventSettingsPage"/>).</summary>
/// <param name="Zone">The saved event's time zone, in which the sections show when a setting was changed.</param>
public sealed record EventSettingsContext(TimeZoneInfo Zone);
