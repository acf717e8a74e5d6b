namespace Summit.Server.Guests.Contracts;

/// <summary>How many of an event's guests of one category stand at one status: the arrivals pipeline counts, with no one named.</summary>
public sealed record CategoryStatusCount(Guid CategoryId, GuestStatus Status, int Count);
