namespace Summit.Server.Events.Contracts;

/// <summary>
/// What the other modules know of the event: its facts and the zone its times are shown in. They ask here rather than read the
/// events table, which belongs to the Events module alone.
/// </summary>
public interface IEventCalendar
{
    /// <summary>The current event (the earliest Summit holds), or null before the secretariat has set one up.</summary>
    Task<EventFacts?> FindCurrentAsync(CancellationToken ct = default);

    /// <summary>The current event; refuses with <c>event.none</c> before one is set up.</summary>
    Task<EventFacts> GetCurrentAsync(CancellationToken ct = default);

    Task<EventFacts?> FindAsync(Guid id, CancellationToken ct = default);

    /// <summary>Every event Summit holds, the current one first (past events stay until their data is purged).</summary>
    Task<IReadOnlyList<EventFacts>> ListAsync(CancellationToken ct = default);

    /// <summary>The zone every time is shown in; UTC before an event is set up.</summary>
    Task<TimeZoneInfo> TimeZoneAsync(CancellationToken ct = default);
}
