using Summit.Access.Core;

namespace Summit.Server.Access.Grants;

public sealed record PersonalGrantInput(Guid ZoneId, GrantChange Change, DateOnly? FirstDay = null, DateOnly? LastDay = null, string? Reason = null);
