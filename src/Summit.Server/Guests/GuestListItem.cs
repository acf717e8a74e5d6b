using Summit.Server.Guests.Contracts;

namespace Summit.Server.Guests;

/// <summary>One row of the guest list. The concurrency stamp lets an action taken from a list row refuse a stale row.</summary>
public sealed record GuestListItem(
    Guid Id, string FamilyName, string GivenName, string FamilyNameLatin, string GivenNameLatin, string Organisation,
    string CountryCode, string CategoryCode, Guid CategoryId, GuestStatus Status, ParticipationMode ParticipationMode,
    string? DelegationName, string Email, DateTimeOffset UpdatedAt, Guid ConcurrencyStamp)
{
    /// <summary>The name staff read in lists and messages: "Given FAMILY" in Latin script.</summary>
    public string DisplayName => Domain.Guest.DisplayNameOf(FamilyNameLatin, GivenNameLatin, FamilyName, GivenName);
}
