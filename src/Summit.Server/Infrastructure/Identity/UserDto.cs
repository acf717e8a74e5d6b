namespace Summit.Server.Infrastructure.Identity;

/// <summary>A staff account: <c>LockedOut</c> when some source waits after failed sign-ins, <c>Disabled</c> when every sign-in is refused.</summary>
public sealed record UserDto(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, bool TwoFactorEnabled, bool LockedOut, bool Disabled);
