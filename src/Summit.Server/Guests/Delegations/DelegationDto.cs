namespace Summit.Server.Guests.Delegations;

public sealed record DelegationDto(Guid Id, string Name, string CountryCode, Guid? LiaisonGuestId);
