using Summit.Server.Guests.Contracts;
using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Guests.Portal;

public sealed record PortalView(
    Guid GuestId, string GuestName, string EventName, string EventNameZh, DateOnly StartDate, DateOnly EndDate, GuestStatus Status,
    bool CanRegister, GuestInput Form, string Email, string CategoryCode, string? DelegationName, bool IsLiaison,
    IReadOnlyList<PortalMember> DelegationMembers, bool FaceConsentGiven, bool HasPhoto, DateTimeOffset ExpiresAt, bool DataConsentGiven,
    GuestPass? Pass, string TimeZoneId, PrivacyNotice Notice, GuestFaceStatus? Face = null,
    string? GuestTimeZoneId = null);
