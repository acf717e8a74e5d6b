namespace Summit.Server.Guests.Domain;

public sealed class Delegation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public string Name { get; set; } = "";
    public string CountryCode { get; set; } = "";

    /// <summary>The guest who may see and complete the registrations of this delegation.</summary>
    public Guid? LiaisonGuestId { get; set; }
}
