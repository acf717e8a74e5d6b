namespace Summit.Server.Guests.Contracts;

/// <summary>What another module may know of a guest: enough to issue, print and check a credential; no contact or passport data.</summary>
public sealed record GuestCard(
    Guid Id, Guid EventId, string Name, string OriginalName, string? Title, string Organisation, string? Position, string CountryCode,
    Guid CategoryId, GuestStatus Status, ParticipationMode ParticipationMode, bool HasPhoto, string Language, Guid? DelegationId);
