namespace Summit.Server.Infrastructure.Images;

public sealed record ProcessedPhoto(byte[] Jpeg, int Width, int Height);
