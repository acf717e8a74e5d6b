namespace Summit.Server.Infrastructure.Mail;

/// <summary>
/// An image shown inside the HTML body (a credential's QR code), which refers to it as "cid:{ContentId}". Sent as a
/// related part, so mail clients show it without fetching anything from the internet.
/// </summary>
public sealed class MailImage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MailId { get; set; }
    public string ContentId { get; set; } = "";
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "image/png";
    public byte[] Content { get; set; } = [];
}
