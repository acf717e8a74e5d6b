using System.Security.Cryptography;
using System.Text;

namespace Summit.Server.Infrastructure.Security;

/// <summary>Unguessable URL-safe tokens (256 bits); only their SHA-256 hash is ever stored.</summary>
public static class Tokens
{
    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
