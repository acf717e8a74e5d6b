namespace Summit.Server.Guests.Delegations;

/// <summary>A delegation as typed in the form or sent to the API. Country: ISO code or name.</summary>
public sealed record DelegationInput(string Name, string Country, Guid? LiaisonGuestId = null);
