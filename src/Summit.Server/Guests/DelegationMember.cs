namespace Summit.Server.Guests;

public sealed record DelegationMember(Guid Id, string Name, string Organisation);
