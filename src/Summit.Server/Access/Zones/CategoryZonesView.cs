namespace Summit.Server.Access.Zones;

public sealed record CategoryZonesView(Guid CategoryId, IReadOnlyList<ZoneDays> Zones);
