namespace Summit.Server.Guests.Contracts;

/// <summary>A guest's credential in force as the guest sees it: the code the QR carries and the zones it opens.</summary>
public sealed record GuestPass(string Code, IReadOnlyList<PassZone> Zones, DateTimeOffset ValidUntil);
