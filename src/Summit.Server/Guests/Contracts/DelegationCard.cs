namespace Summit.Server.Guests.Contracts;

/// <summary>A delegation as other modules see it: to choose one (badges to print, a room booked for it), not to edit it.</summary>
public sealed record DelegationCard(Guid Id, string Name, string CountryCode);
