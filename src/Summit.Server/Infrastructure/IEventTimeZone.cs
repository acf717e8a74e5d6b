namespace Summit.Server.Infrastructure;

/// <summary>
/// The zone the platform's pages show times in (the audit log): the current event's, UTC before one is set up. The Events module
/// answers it with its calendar, so the platform names no module.
/// </summary>
public interface IEventTimeZone
{
    /// <summary>The zone every time is shown in; UTC before an event is set up.</summary>
    Task<TimeZoneInfo> TimeZoneAsync(CancellationToken ct = default);
}
