namespace Summit.Server.Programme.Sessions;

/// <summary>A person in a session: role and protocol order, and who they are (a guest's name from the guest's card).</summary>
public sealed record ParticipantView(Guid Id, Guid PersonId, ParticipantRole Role, int ProtocolOrder, string Name, string Organisation, bool IsGuest);
