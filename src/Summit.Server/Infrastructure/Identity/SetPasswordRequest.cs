namespace Summit.Server.Infrastructure.Identity;

public sealed record SetPasswordRequest(string Password);
