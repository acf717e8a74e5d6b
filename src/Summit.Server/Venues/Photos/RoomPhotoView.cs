namespace Summit.Server.Venues.Photos;

/// <summary>A room's photo as listed: its size once re-encoded, when and by whom it was uploaded (the JPEG itself is read by its id).</summary>
public sealed record RoomPhotoView(Guid Id, Guid RoomId, int Width, int Height, DateTimeOffset UploadedAt, string UploadedBy);
