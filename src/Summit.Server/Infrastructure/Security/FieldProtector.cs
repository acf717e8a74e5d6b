using System.Security.Cryptography;
using System.Text;

namespace Summit.Server.Infrastructure.Security;

/// <summary>
/// Encrypts personal fields and photos at rest with AES-256-GCM, and derives keyed hashes for
/// duplicate detection, from one master key that lives outside the database.
/// Layout of a protected value: version (1 byte) | nonce (12) | tag (16) | ciphertext.
/// </summary>
public sealed class FieldProtector
{
    private const byte FormatVersion = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly byte[] _encryptionKey;
    private readonly byte[] _hashKey;

    public FieldProtector(byte[] masterKey)
    {
        if (masterKey.Length != 32)
        {
            throw new ArgumentException("The master key must be 32 bytes.", nameof(masterKey));
        }

        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: Encoding.ASCII.GetBytes("summit/field-encryption/v1"));
        _hashKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, 32, info: Encoding.ASCII.GetBytes("summit/lookup-hash/v1"));
    }

    public byte[] Protect(ReadOnlySpan<byte> plaintext)
    {
        var output = new byte[1 + NonceSize + TagSize + plaintext.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize));
        return output;
    }

    public byte[] Unprotect(ReadOnlySpan<byte> protectedValue)
    {
        if (protectedValue.Length < 1 + NonceSize + TagSize || protectedValue[0] != FormatVersion)
        {
            throw new CryptographicException("Not a protected value of a known format.");
        }

        var plaintext = new byte[protectedValue.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(_encryptionKey, TagSize);
        aes.Decrypt(protectedValue.Slice(1, NonceSize), protectedValue[(1 + NonceSize + TagSize)..],
            protectedValue.Slice(1 + NonceSize, TagSize), plaintext);
        return plaintext;
    }

    public byte[] ProtectString(string value) => Protect(Encoding.UTF8.GetBytes(value));

    public string UnprotectString(byte[] value) => Encoding.UTF8.GetString(Unprotect(value));

    /// <summary>A keyed hash: equal inputs give equal hashes, but the hash reveals nothing without the key.</summary>
    public string LookupHash(string value) =>
        Convert.ToHexString(HMACSHA256.HashData(_hashKey, Encoding.UTF8.GetBytes(value)));

    /// <summary>Normalizes a passport or ID number so that "e 123-45" and "E12345" are one document.</summary>
    public static string NormalizeDocumentNumber(string value) =>
        new(value.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public static string MaskDocumentNumber(string value) =>
        value.Length <= 3 ? new string('•', value.Length) : new string('•', value.Length - 3) + value[^3..];

    /// <summary>Loads the master key from configuration, or from a key file created on first start.</summary>
    public static FieldProtector FromConfiguration(IConfiguration configuration, string dataDirectory)
    {
        var configured = configuration["Summit:DataKey"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new FieldProtector(Convert.FromBase64String(configured));
        }

        var keyDirectory = Path.Combine(dataDirectory, "keys");
        var keyFile = Path.Combine(keyDirectory, "data.key");
        if (!File.Exists(keyFile))
        {
            Directory.CreateDirectory(keyDirectory);
            var key = RandomNumberGenerator.GetBytes(32);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using (var stream = new FileStream(keyFile, options))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(Convert.ToBase64String(key));
            }

            return new FieldProtector(key);
        }

        return new FieldProtector(Convert.FromBase64String(File.ReadAllText(keyFile).Trim()));
    }
}
