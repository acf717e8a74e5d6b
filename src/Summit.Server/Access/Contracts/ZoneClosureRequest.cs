namespace Summit.Server.Access.Contracts;

/// <summary>
/// Close <paramref name="ZoneId"/> to entries over [<paramref name="From"/>, <paramref name="Until"/>) because of
/// <paramref name="Reason"/>, on behalf of <paramref name="Owner"/>: the closing module's own name for what closes it
/// ("venues.blocking:{id}"), unique in the event, by which it later moves or lifts the closure.
/// </summary>
public sealed record ZoneClosureRequest(Guid ZoneId, DateTimeOffset From, DateTimeOffset Until, string Reason, string Owner);
