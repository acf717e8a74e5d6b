namespace Summit.Server.Programme.Public;

/// <summary>A person on stage in a released session: their name as published and their role, in protocol order.</summary>
public sealed record PublicParticipant(Guid PersonId, string Name, ParticipantRole Role);
