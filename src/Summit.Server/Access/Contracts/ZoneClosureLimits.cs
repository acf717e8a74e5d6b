namespace Summit.Server.Access.Contracts;

/// <summary>The lengths a zone closure's texts may have; a longer reason is cut, a longer owner refused.</summary>
public static class ZoneClosureLimits
{
    public const int ReasonLength = 500;
    public const int OwnerLength = 100;
}
