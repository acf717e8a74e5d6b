namespace Summit.Server.Events;

/// <param name="Venues">The venues' English names, in order (zones refer to a venue by it).</param>
/// <param name="VenueNamesZh">
/// The venues' Chinese names by English name; null leaves the Chinese names as they are (a client that predates them), an empty
/// name removes one.
/// </param>
public sealed record EventInput(string Name, string NameZh, DateOnly StartDate, DateOnly EndDate, string TimeZoneId, IReadOnlyList<string> Venues,
    IReadOnlyDictionary<string, string?>? VenueNamesZh = null);
