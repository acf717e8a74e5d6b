namespace Summit.Server.Programme;

/// <summary>A person in a session in a role; <see cref="ProtocolOrder"/> is their place on stage and in print (1 first).</summary>
public sealed class SessionParticipant
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SessionId { get; set; }
    public Guid PersonId { get; set; }
    public ParticipantRole Role { get; set; }
    public int ProtocolOrder { get; set; }
}
