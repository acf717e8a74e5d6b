namespace Summit.Server.Guests;

public sealed record GuestIdsRequest(IReadOnlyList<Guid> GuestIds);
