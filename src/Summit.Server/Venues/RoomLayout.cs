namespace Summit.Server.Venues;

/// <summary>How a room is set out; each room states its capacity per layout (0: the room cannot be set out so).</summary>
public enum RoomLayout
{
    Theatre = 0,
    Classroom = 1,
    Banquet = 2,
    Boardroom = 3,
}
