namespace Summit.Server.Infrastructure.Identity;

public sealed record SetRolesRequest(IReadOnlyList<string> Roles);
