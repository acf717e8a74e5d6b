namespace Summit.Server.Programme.Sessions;

/// <summary>A person of the programme in a role, with their protocol order (1 first).</summary>
public sealed record ParticipantInput(Guid PersonId, ParticipantRole Role, int ProtocolOrder);
