namespace Summit.Server.Infrastructure.Security;

/// <summary>Whether a return address stays on this site: a path, never "//host" or "/\host" (which browsers read as another host).</summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);
}
