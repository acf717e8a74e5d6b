using System.Security.Cryptography;
using System.Text;

namespace Summit.Server.Screening.Sensors;

/// <summary>An enrolled sensor as ingestion needs it: its gate and the key its readings are signed with.</summary>
public sealed record SensorEntry(Guid Id, Guid EventId, string Code, Guid GateId, byte[] Key, bool Revoked)
{
    /// <summary>Compares a broker password with the secret in constant time.</summary>
    public bool SecretMatches(string? password) =>
        password is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(password), Key);
}
