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
