using Summit.Access.Core;

namespace Summit.Server.Access.Grants;

public sealed record PersonalGrantView(Guid Id, Guid GuestId, Guid ZoneId, string ZoneCode, GrantChange Change, DateOnly? FirstDay, DateOnly? LastDay,
    string? Reason, DateTimeOffset CreatedAt);
