namespace Summit.Server.Access.Contracts;

/// <summary>Whether people came into a zone, as the admitted entries recorded at its gates say (Venues' no-show release reads it).</summary>
public interface IZoneEntries
{
    /// <summary>The first admitted entry into the zone of the current event at or after <paramref name="since"/>; null when none (or the zone is unknown).</summary>
    Task<DateTimeOffset?> FirstEntrySinceAsync(Guid zoneId, DateTimeOffset since, CancellationToken ct = default);
}
