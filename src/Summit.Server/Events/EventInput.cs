namespace Summit.Server.Events;

public sealed record EventInput(string Name, string NameZh, DateOnly StartDate, DateOnly EndDate, string TimeZoneId, IReadOnlyList<string> Venues);
