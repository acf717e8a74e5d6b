namespace Summit.Server.Guests.Domain;

public enum Gender
{
    Female = 1,
    Male = 2,
    Other = 3,
}
