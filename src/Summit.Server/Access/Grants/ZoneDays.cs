namespace Summit.Server.Access.Grants;

/// <summary>A zone a category opens; no days means every day.</summary>
public sealed record ZoneDays(Guid ZoneId, DateOnly? FirstDay = null, DateOnly? LastDay = null);
