namespace Summit.Access.Core.Sync;

/// <summary>The person behind a genuine code, for the operator's visual check.</summary>
public sealed record HolderCard(Guid GuestId, string Name, string? NameOriginal, string Organisation, string CountryCode,
    string CategoryCode, string CategoryName, string CategoryColour, string? PhotoUrl);
