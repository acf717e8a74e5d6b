using Summit.Server.Guests.Contracts;
namespace Summit.Server.Guests.Domain;

/// <summary>A person invited to the event, from first invitation to arrival.</summary>
public sealed class Guest
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }

    /// <summary>Family name as written in the guest's own script (Chinese, Cyrillic, Arabic...).</summary>
    public string FamilyName { get; set; } = "";
    public string GivenName { get; set; } = "";
    public string FamilyNameLatin { get; set; } = "";
    public string GivenNameLatin { get; set; } = "";
    public string? Title { get; set; }
    public Gender? Gender { get; set; }
    public string Organisation { get; set; } = "";
    public OrganisationType OrganisationType { get; set; }
    public string? Position { get; set; }

    /// <summary>ISO 3166-1 alpha-2 code.</summary>
    public string CountryCode { get; set; } = "";
    public Guid? DelegationId { get; set; }
    public Delegation? Delegation { get; set; }
    public string Email { get; set; } = "";

    /// <summary>Lower-cased email, unique per event, used for duplicate detection.</summary>
    public string EmailNormalized { get; set; } = "";
    public string? Phone { get; set; }

    /// <summary>"en" or "zh-Hans": the language of mail and portal for this guest.</summary>
    public string Language { get; set; } = "en";

    /// <summary>The IANA time zone the guest chose in the portal to read times in (their agenda and its feed); null: the event's.</summary>
    public string? TimeZoneId { get; set; }
    public ParticipationMode ParticipationMode { get; set; }
    public Guid CategoryId { get; set; }
    public AccreditationCategory? Category { get; set; }

    /// <summary>Passport or ID number, encrypted with the field protector.</summary>
    public byte[]? PassportNumberEncrypted { get; set; }

    /// <summary>Keyed hash of the normalized passport number, for duplicate detection without decryption.</summary>
    public string? PassportHash { get; set; }

    public GuestStatus Status { get; set; } = GuestStatus.Invited;
    public string? StatusReason { get; set; }
    public DateTimeOffset StatusChangedAt { get; set; }

    public DateTimeOffset? DataConsentAt { get; set; }
    public DateTimeOffset? FaceConsentAt { get; set; }
    public DateTimeOffset? FaceConsentWithdrawnAt { get; set; }
    public string? PrivacyNoticeVersion { get; set; }
    public bool HasPhoto { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// Set when the guest's data was erased (on request or after the retention period): the record then holds only what the
    /// event's counts need (category, status, participation), under a new random id, and no list shows it.
    /// </summary>
    public DateTimeOffset? ErasedAt { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public string DisplayName => DisplayNameOf(FamilyNameLatin, GivenNameLatin, FamilyName, GivenName);

    /// <summary>The name staff read: in Latin letters when the guest gave them, with the family name in capitals.</summary>
    public static string DisplayNameOf(string familyNameLatin, string givenNameLatin, string familyName, string givenName) =>
        string.IsNullOrWhiteSpace(familyNameLatin) && string.IsNullOrWhiteSpace(givenNameLatin)
            ? $"{givenName} {familyName}".Trim()
            : $"{givenNameLatin} {familyNameLatin.ToUpperInvariant()}".Trim();

    public void RefreshDerivedFields()
    {
        EmailNormalized = Email.Trim().ToLowerInvariant();
    }
}
