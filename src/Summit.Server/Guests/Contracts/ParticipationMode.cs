namespace Summit.Server.Guests.Contracts;

public enum ParticipationMode
{
    InPerson = 1,
    Online = 2,
}
