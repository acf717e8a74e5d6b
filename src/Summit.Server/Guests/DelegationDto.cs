namespace Summit.Server.Guests;

public sealed record DelegationDto(Guid Id, string Name, string CountryCode, Guid? LiaisonGuestId);
