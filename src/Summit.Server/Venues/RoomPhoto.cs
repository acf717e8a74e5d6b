namespace Summit.Server.Venues;

/// <summary>
/// A photo of a room, as a venue manager uploaded it after <see cref="Infrastructure.Images.PhotoProcessor"/>: a fresh JPEG of at most
/// 1200 pixels on its long side, without any metadata of the upload. Not personal data (a room), so kept as it is, not encrypted.
/// </summary>
public sealed class RoomPhoto
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RoomId { get; set; }
    public byte[] Jpeg { get; set; } = [];
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
}
