namespace Summit.Server.Guests;

public enum GuestSort
{
    Name,
    NameDesc,
    Organisation,
    Country,
    Status,
    Updated,
}
