namespace Summit.Server.Venues.Contracts;

/// <summary>How a room is set out for a reservation; the same values as the venues module's own room layouts.</summary>
public enum SeatingLayout
{
    Theatre = 0,
    Classroom = 1,
    Banquet = 2,
    Boardroom = 3,
}
