namespace Summit.Server.Guests.Delegations;

/// <summary>A delegation with what the list shows: its liaison's name and how many guests belong to it.</summary>
public sealed record DelegationSummary(Guid Id, string Name, string CountryCode, Guid? LiaisonGuestId, string? LiaisonName, int MemberCount);
