namespace Summit.Server.Programme.People;

/// <summary>A period [From, Until) in which a person can be on stage (times with an offset; kept in UTC).</summary>
public sealed record AvailabilityWindow(DateTimeOffset From, DateTimeOffset Until);
