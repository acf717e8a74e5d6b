using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;

namespace Summit.Server.Guests;

public sealed record GuestDetail(
    Guid Id, string FamilyName, string GivenName, string FamilyNameLatin, string GivenNameLatin, string? Title, Gender? Gender,
    string Organisation, OrganisationType OrganisationType, string? Position, string CountryCode, Guid? DelegationId,
    string? DelegationName, string Email, string? Phone, string Language, ParticipationMode ParticipationMode, Guid CategoryId,
    string CategoryCode, string? PassportMasked, GuestStatus Status, string? StatusReason, DateTimeOffset StatusChangedAt,
    DateTimeOffset? DataConsentAt, DateTimeOffset? FaceConsentAt, DateTimeOffset? FaceConsentWithdrawnAt, bool HasPhoto,
    IReadOnlyList<GuestStatus> NextStatuses, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, Guid ConcurrencyStamp);
