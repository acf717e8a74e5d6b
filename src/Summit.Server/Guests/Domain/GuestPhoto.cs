namespace Summit.Server.Guests.Domain;

public sealed class GuestPhoto
{
    public Guid GuestId { get; set; }

    /// <summary>Re-encoded JPEG without metadata, encrypted with the field protector.</summary>
    public byte[] EncryptedJpeg { get; set; } = [];
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
