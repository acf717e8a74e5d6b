namespace Summit.Server.Access.Contracts;

/// <summary>
/// Closes zones to entries for a period on another module's behalf (Venues closes a blocked room's zone for the blocking): while a
/// closure lasts, every gate of the zone, the server's and the offline agents' alike, refuses entries with
/// <see cref="Summit.Access.Core.ReasonCode.ZoneClosed"/>; leaving is never refused. A closure belongs to its owner, who moves or lifts it.
/// <para>
/// Changes are made in the request's unit of work, like the caller's own change, and saved with the caller's next save: the blocking
/// and its closure are stored together or not at all, and the gates learn of the closure with the next policy version.
/// </para>
/// </summary>
public interface IZoneClosures
{
    /// <summary>
    /// Closes the zone over the period for the owner, or moves the owner's closure to this zone and period. An unknown zone is refused
    /// (<c>zone.unknown</c>).
    /// </summary>
    Task CloseAsync(ZoneClosureRequest closure, CancellationToken ct = default);

    /// <summary>Lifts the owner's closure; nothing when it has none.</summary>
    Task OpenAsync(string owner, CancellationToken ct = default);

    /// <summary>The current event's closures that hold a zone during [from, until), by their start.</summary>
    Task<List<ZoneClosureView>> ListAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken ct = default);
}
