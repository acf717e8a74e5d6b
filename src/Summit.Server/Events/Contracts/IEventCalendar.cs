using Summit.Server.Infrastructure;

namespace Summit.Server.Events.Contracts;

/// <summary>
/// What the other modules know of the event: its facts and the zone its times are shown in. They ask here rather than read the
/// events table, which belongs to the Events module alone. The zone every time is shown in (<see cref="IEventTimeZone.TimeZoneAsync"/>)
/// is the platform's question, which the calendar answers too.
/// </summary>
public interface IEventCalendar : IEventTimeZone
{
    /// <summary>The current event (the earliest Summit holds), or null before the secretariat has set one up.</summary>
    Task<EventFacts?> FindCurrentAsync(CancellationToken ct = default);

    /// <summary>The current event; refuses with <c>event.none</c> before one is set up.</summary>
    Task<EventFacts> GetCurrentAsync(CancellationToken ct = default);

    /// <summary>The current event's id and time zone only (a booking check runs this on every call); refuses with <c>event.none</c> like <see cref="GetCurrentAsync"/>.</summary>
    Task<EventClock> GetCurrentClockAsync(CancellationToken ct = default);

    Task<EventFacts?> FindAsync(Guid id, CancellationToken ct = default);

    /// <summary>Every event Summit holds, the current one first (past events stay until their data is purged).</summary>
    Task<IReadOnlyList<EventFacts>> ListAsync(CancellationToken ct = default);
}
