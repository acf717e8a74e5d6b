using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Contracts;
using Summit.Server.Infrastructure.Database;

namespace Summit.Server.Venues.Blockings;

/// <summary>
/// Keeps the access zone of a blocked room closed for each of its blockings (through Access's <see cref="IZoneClosures"/>): a blocking
/// closes its room's zone for its period, lifting it reopens the zone, and moving a room to another zone (or to none) moves its
/// blockings' closures along. The closures are staged in the caller's unit of work and saved with the blocking or the room.
/// </summary>
public sealed class BlockingClosures(SummitDbContext db, IZoneClosures closures)
{
    /// <summary>The owner name Access keeps each blocking's closure under.</summary>
    public static string OwnerOf(Guid blockingId) => $"venues.blocking:{blockingId}";

    public async Task BlockedAsync(RoomBlocking blocking, Guid? zoneId, CancellationToken ct)
    {
        if (zoneId is { } zone)
        {
            await closures.CloseAsync(new ZoneClosureRequest(zone, blocking.From, blocking.Until, blocking.Reason, OwnerOf(blocking.Id)), ct);
        }
    }

    public Task UnblockedAsync(Guid blockingId, CancellationToken ct) => closures.OpenAsync(OwnerOf(blockingId), ct);

    /// <summary>The room's zone changed: each of its blockings closes the new zone instead (or none).</summary>
    public async Task ZoneChangedAsync(Guid roomId, Guid? zoneId, CancellationToken ct)
    {
        var blockings = await db.Set<RoomBlocking>().AsNoTracking().Where(k => k.RoomId == roomId).ToListAsync(ct);
        foreach (var blocking in blockings)
        {
            if (zoneId is null)
            {
                await UnblockedAsync(blocking.Id, ct);
            }
            else
            {
                await BlockedAsync(blocking, zoneId, ct);
            }
        }
    }
}
