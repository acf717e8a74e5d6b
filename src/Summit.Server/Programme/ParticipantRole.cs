namespace Summit.Server.Programme;

/// <summary>What a person does in a session. Stored: never renumber.</summary>
public enum ParticipantRole
{
    Chair = 0,
    Moderator = 1,
    Speaker = 2,
    Panellist = 3,
    Interpreter = 4,
}
