namespace Summit.Server.Guests.Contracts;

public enum GuestStatus
{
    Invited = 1,
    Registered = 2,
    Approved = 3,
    Rejected = 4,
    Accredited = 5,
    Arrived = 6,
    Withdrawn = 7,
}
