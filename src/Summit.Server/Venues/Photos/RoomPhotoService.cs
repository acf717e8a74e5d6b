using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Images;

namespace Summit.Server.Venues.Photos;

/// <summary>
/// A room's photos: a venue manager adds them (at most <see cref="VenueLimits.MaxRoomPhotos"/> a room) and removes them, staff see them.
/// An upload is hostile until proven otherwise: <see cref="PhotoProcessor"/> refuses more than 5 MB, anything that is not a JPEG or PNG by
/// its content, a header claiming more than 24 megapixels (before decoding it) and an image that does not decode whole, and stores a fresh
/// JPEG of at most 1200 pixels on its long side without any metadata of the upload. Every change is audited.
/// </summary>
public sealed class RoomPhotoService(SummitDbContext db, IEventCalendar events, AuditLog audit, CurrentActor actor, TimeProvider clock)
{
    /// <summary>The room's photos, oldest first (without their bytes).</summary>
    public async Task<List<RoomPhotoView>> ListAsync(Guid roomId, CancellationToken ct = default)
    {
        await EnsureRoomAsync(roomId, ct);
        return await db.Set<RoomPhoto>().AsNoTracking().Where(p => p.RoomId == roomId).OrderBy(p => p.UploadedAt).ThenBy(p => p.Id)
            .Select(p => new RoomPhotoView(p.Id, p.RoomId, p.Width, p.Height, p.UploadedAt, p.UploadedBy)).ToListAsync(ct);
    }

    /// <summary>Adds a photo to the room, re-encoded; refused past the room's limit, counted under the room's lock.</summary>
    public async Task<RoomPhotoView> AddAsync(Guid roomId, byte[] upload, CancellationToken ct = default)
    {
        await EnsureRoomAsync(roomId, ct);
        await EnsureRoomForPhotoAsync(roomId, ct);
        // Decoded before the room is locked: the second a large photo may take holds up nobody else's upload.
        var processed = PhotoProcessor.Process(upload);
        var uploader = await actor.GetAsync();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await LockRoomAsync(roomId, ct);
        // Counted again under the lock, so that photos sent at once cannot pass the limit together.
        await EnsureRoomForPhotoAsync(roomId, ct);
        var photo = new RoomPhoto
        {
            RoomId = roomId,
            Jpeg = processed.Jpeg,
            Width = processed.Width,
            Height = processed.Height,
            UploadedAt = clock.GetUtcNow(),
            UploadedBy = uploader.Name,
        };
        db.Set<RoomPhoto>().Add(photo);
        await audit.RecordAsync(VenuesAudit.RoomPhotoAdded, "room", roomId.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["photo"] = (null, photo.Id),
            ["size"] = (null, $"{photo.Width}x{photo.Height}"),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new RoomPhotoView(photo.Id, photo.RoomId, photo.Width, photo.Height, photo.UploadedAt, photo.UploadedBy);
    }

    /// <summary>The photo as JPEG, as stored (re-encoded at upload).</summary>
    public async Task<byte[]> GetJpegAsync(Guid roomId, Guid photoId, CancellationToken ct = default)
    {
        await EnsureRoomAsync(roomId, ct);
        return await db.Set<RoomPhoto>().AsNoTracking().Where(p => p.Id == photoId && p.RoomId == roomId).Select(p => p.Jpeg).FirstOrDefaultAsync(ct)
            ?? throw new SummitException(SummitError.NotFound(VenuesErrors.RoomPhotoNotFound, photoId));
    }

    /// <summary>Removes a photo of the room for good.</summary>
    public async Task RemoveAsync(Guid roomId, Guid photoId, CancellationToken ct = default)
    {
        await EnsureRoomAsync(roomId, ct);
        var photo = await db.Set<RoomPhoto>().FirstOrDefaultAsync(p => p.Id == photoId && p.RoomId == roomId, ct)
            ?? throw new SummitException(SummitError.NotFound(VenuesErrors.RoomPhotoNotFound, photoId));
        db.Set<RoomPhoto>().Remove(photo);
        await audit.RecordAsync(VenuesAudit.RoomPhotoRemoved, "room", roomId.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["photo"] = (photo.Id, null),
            ["size"] = ($"{photo.Width}x{photo.Height}", null),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The room must be one of the current event's.</summary>
    private async Task EnsureRoomAsync(Guid roomId, CancellationToken ct)
    {
        var clockOfEvent = await events.GetCurrentClockAsync(ct);
        if (!await db.Set<Room>().AnyAsync(r => r.Id == roomId && db.Set<Venue>().Any(v => v.Id == r.VenueId && v.EventId == clockOfEvent.Id), ct))
        {
            throw new SummitException(SummitError.NotFound(VenuesErrors.RoomNotFound, roomId));
        }
    }

    private async Task EnsureRoomForPhotoAsync(Guid roomId, CancellationToken ct)
    {
        if (await db.Set<RoomPhoto>().CountAsync(p => p.RoomId == roomId, ct) >= VenueLimits.MaxRoomPhotos)
        {
            throw new SummitException(SummitError.Conflict(VenuesErrors.RoomPhotoLimit, VenueLimits.MaxRoomPhotos));
        }
    }

    /// <summary>
    /// Holds the room's row until the transaction ends, so that two uploads to one room count one after the other. PostgreSQL locks the row
    /// (<c>FOR UPDATE</c>); SQLite's transactions begin <c>IMMEDIATE</c> and so hold the database's write lock from their start already.
    /// </summary>
    private async Task LockRoomAsync(Guid roomId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM \"Rooms\" WHERE \"Id\" = {roomId} FOR UPDATE", ct);
        }
    }
}
