namespace Summit.Server.Venues;

/// <summary>Who a booking is for: a person, a delegation, a session of the programme or the organizer.</summary>
public enum BookingHolderKind
{
    Person = 0,
    Delegation = 1,
    Session = 2,
    Organizer = 3,
}
