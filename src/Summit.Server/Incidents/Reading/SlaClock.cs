namespace Summit.Server.Incidents.Reading;

/// <summary>The SLA step an incident waits for (acknowledge while open, resolve until resolved) and when it is due.</summary>
public sealed record SlaClock(string Step, DateTimeOffset DueAt, bool Breached);
