using Summit.Access.Core;

namespace Summit.Server.Access.Domain;

/// <summary>An addition or removal of one zone for one person, on the days given; it follows the person across reissues.</summary>
public sealed class PersonalZoneGrant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid GuestId { get; set; }
    public Guid ZoneId { get; set; }
    public GrantChange Change { get; set; }
    public DateOnly? FirstDay { get; set; }
    public DateOnly? LastDay { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
