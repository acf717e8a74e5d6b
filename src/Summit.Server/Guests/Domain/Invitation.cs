namespace Summit.Server.Guests.Domain;

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
