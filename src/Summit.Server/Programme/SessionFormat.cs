namespace Summit.Server.Programme;

/// <summary>Where the audience takes part: in the room, online, or both. Stored: never renumber.</summary>
public enum SessionFormat
{
    InPerson = 0,
    Online = 1,
    Hybrid = 2,
}
