namespace Summit.Server.Infrastructure.Audit;

public sealed record Actor(string? Id, string Name, string? IpAddress)
{
    public static readonly Actor System = new(null, "system", null);
}
