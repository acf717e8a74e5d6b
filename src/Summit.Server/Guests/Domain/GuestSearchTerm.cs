namespace Summit.Server.Guests.Domain;

/// <summary>One search term of a guest: a word of a name, organisation or email, lower-cased.</summary>
public sealed class GuestSearchTerm
{
    public string Term { get; set; } = "";
    public Guid GuestId { get; set; }
}
