namespace Summit.Server.Incidents.Photos;

public sealed record AttachmentView(Guid Id, int Width, int Height, DateTimeOffset UploadedAt, string UploadedBy);
