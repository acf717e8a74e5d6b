namespace Summit.Server.Incidents;

/// <summary>A photo of the problem: re-encoded without metadata and encrypted at rest like a guest photo.</summary>
public sealed class IncidentAttachment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid IncidentId { get; set; }
    public byte[] EncryptedJpeg { get; set; } = [];
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
}
