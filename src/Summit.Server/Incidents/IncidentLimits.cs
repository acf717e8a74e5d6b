namespace Summit.Server.Incidents;

public static class IncidentLimits
{
    public const int Title = 200;
    public const int Description = 4000;
    public const int PlaceText = 200;
    public const int Note = 2000;
}
