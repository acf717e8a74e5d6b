namespace Summit.Server.Infrastructure.Identity;

public sealed record CreateUserRequest(string Email, string DisplayName, string Password, IReadOnlyList<string> Roles, string? Language);
