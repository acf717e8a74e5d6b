namespace Summit.Server.Guests.Portal;

/// <summary>
/// The time zones a guest may choose to read the programme in: the server's IANA zones (the ones a phone's calendar knows by the same name),
/// checked with <see cref="TimeZoneInfo.TryFindSystemTimeZoneById"/>; a Windows name is not accepted, since the agenda's feed writes the id.
/// </summary>
public static class PortalTimeZones
{
    /// <summary>The longest id stored ("America/Argentina/ComodRivadavia" has 32 characters).</summary>
    public const int IdLength = 64;

    private static readonly Lazy<IReadOnlyList<TimeZoneInfo>> Zones = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Where(z => z.HasIanaId && z.Id.Contains('/', StringComparison.Ordinal) && !z.Id.StartsWith("Etc/", StringComparison.Ordinal))
            .OrderBy(z => z.BaseUtcOffset).ThenBy(z => z.Id, StringComparer.Ordinal)]);

    /// <summary>Every zone offered, by offset then name.</summary>
    public static IReadOnlyList<TimeZoneInfo> All => Zones.Value;

    /// <summary>The zone of that IANA id, or null when the text names none (empty, too long, unknown, or a Windows name).</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        var trimmed = id?.Trim() ?? "";
        return trimmed.Length is > 0 and <= IdLength && TimeZoneInfo.TryFindSystemTimeZoneById(trimmed, out var zone) && zone.HasIanaId
            && string.Equals(zone.Id, trimmed, StringComparison.Ordinal) ? zone : null;
    }
}
