namespace Summit.Server.Programme.Releases;

/// <summary>A person in a released session, by id, with their role and protocol order.</summary>
public sealed record ReleasedParticipant(Guid PersonId, ParticipantRole Role, int ProtocolOrder);
