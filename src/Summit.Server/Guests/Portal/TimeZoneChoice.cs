namespace Summit.Server.Guests.Portal;

/// <summary>The time zone a guest chooses in the portal: an IANA id, or empty for the event's own.</summary>
public sealed record TimeZoneChoice(string? TimeZoneId);
