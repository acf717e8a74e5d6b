namespace Summit.Server.Guests.Delegations;

public sealed record DelegationMember(Guid Id, string Name, string Organisation);
