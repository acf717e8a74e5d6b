namespace Summit.Server.Infrastructure.Identity;

public sealed record LoginRequest(string Email, string Password, string? TwoFactorCode);
