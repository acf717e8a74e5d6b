namespace Summit.Server.Guests.Domain;

/// <summary>An accreditation category (VIP, Speaker, Media...). Categories are data: an organizer may add more.</summary>
public sealed class AccreditationCategory
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }

    /// <summary>Stable short code used in imports and the API, for example "VIP".</summary>
    public string Code { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string NameZh { get; set; } = "";

    /// <summary>Badge colour band as #RRGGBB.</summary>
    public string Colour { get; set; } = "#607D8B";
    public int SortOrder { get; set; }

    public string Name(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) && NameZh.Length > 0 ? NameZh : NameEn;
}

public sealed class Delegation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public string Name { get; set; } = "";
    public string CountryCode { get; set; } = "";

    /// <summary>The guest who may see and complete the registrations of this delegation.</summary>
    public Guid? LiaisonGuestId { get; set; }
}

public sealed class GuestPhoto
{
    public Guid GuestId { get; set; }

    /// <summary>Re-encoded JPEG without metadata, encrypted with the field protector.</summary>
    public byte[] EncryptedJpeg { get; set; } = [];
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>An invitation link. Only a hash of the token is stored, so a database leak reveals no usable link.</summary>
public sealed class Invitation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid GuestId { get; set; }
    public Guest? Guest { get; set; }
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}
