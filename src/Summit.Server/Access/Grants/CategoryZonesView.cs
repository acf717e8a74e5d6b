namespace Summit.Server.Access.Grants;

public sealed record CategoryZonesView(Guid CategoryId, IReadOnlyList<ZoneDays> Zones);
