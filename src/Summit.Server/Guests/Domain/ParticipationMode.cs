namespace Summit.Server.Guests.Domain;

public enum ParticipationMode
{
    InPerson = 1,
    Online = 2,
}
