using System.Security.Cryptography;
using System.Text;

namespace Summit.Faces.Core;

/// <summary>
/// Seals a face template for a gate device (ADR 0037): AES-256-GCM under a key derived with HKDF-SHA256 from the device's token and a
/// salt, with the holder's and the gate's ids as associated data, so that a sealed template opens only on that device (it alone holds
/// the token; the server keeps only the token's hash and sees the token during the request) and only as that person's at that gate.
/// The plaintext is the descriptor's 512 bytes, then optionally a credential code in UTF-8.
/// </summary>
public static class FaceTemplateSeal
{
    public const int SaltLength = 16;

    /// <summary>The longest code a sealed template may carry (a code has 199 characters).</summary>
    public const int MaxCodeBytes = 512;

    private const int NonceLength = 12;
    private const int TagLength = 16;
    private const int KeyLength = 32;
    private static readonly byte[] Info = "summit-gate-faces-v1"u8.ToArray();

    /// <summary>The sealing key of one device and salt. The token is a secret: the key is as secret as it.</summary>
    public static byte[] DeriveKey(string deviceToken, ReadOnlySpan<byte> salt)
    {
        ArgumentException.ThrowIfNullOrEmpty(deviceToken);
        if (salt.Length != SaltLength)
        {
            throw new ArgumentException($"the salt has {SaltLength} bytes", nameof(salt));
        }

        return HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(deviceToken), KeyLength, salt.ToArray(), Info);
    }

    public static byte[] NewSalt() => RandomNumberGenerator.GetBytes(SaltLength);

    public static byte[] Seal(ReadOnlySpan<byte> key, Guid holderId, Guid gateId, FaceDescriptor descriptor, string? code = null)
    {
        var codeBytes = code is null ? [] : Encoding.UTF8.GetBytes(code);
        if (codeBytes.Length > MaxCodeBytes)
        {
            throw new ArgumentException($"a code has at most {MaxCodeBytes} bytes", nameof(code));
        }

        var plain = new byte[FaceDescriptor.ByteLength + codeBytes.Length];
        descriptor.ToBytes().CopyTo(plain, 0);
        codeBytes.CopyTo(plain, FaceDescriptor.ByteLength);
        var sealedBytes = new byte[NonceLength + plain.Length + TagLength];
        var nonce = sealedBytes.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagLength);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceLength, plain.Length), sealedBytes.AsSpan(NonceLength + plain.Length), Associated(holderId, gateId));
        CryptographicOperations.ZeroMemory(plain);
        return sealedBytes;
    }

    /// <summary>Opens a sealed template; throws <see cref="CryptographicException"/> when it was not sealed with this key for this person and gate.</summary>
    public static (FaceDescriptor Descriptor, string? Code) Open(ReadOnlySpan<byte> key, Guid holderId, Guid gateId, ReadOnlySpan<byte> sealedBytes)
    {
        var plainLength = sealedBytes.Length - NonceLength - TagLength;
        if (plainLength < FaceDescriptor.ByteLength || plainLength > FaceDescriptor.ByteLength + MaxCodeBytes)
        {
            throw new CryptographicException($"a sealed template has {NonceLength + FaceDescriptor.ByteLength + TagLength} to " +
                $"{NonceLength + FaceDescriptor.ByteLength + MaxCodeBytes + TagLength} bytes, not {sealedBytes.Length}");
        }

        var plain = new byte[plainLength];
        try
        {
            using var aes = new AesGcm(key, TagLength);
            aes.Decrypt(sealedBytes[..NonceLength], sealedBytes.Slice(NonceLength, plainLength), sealedBytes[(NonceLength + plainLength)..], plain,
                Associated(holderId, gateId));
            var descriptor = FaceDescriptor.FromBytes(plain.AsSpan(0, FaceDescriptor.ByteLength));
            var code = plainLength > FaceDescriptor.ByteLength ? Encoding.UTF8.GetString(plain.AsSpan(FaceDescriptor.ByteLength)) : null;
            return (descriptor, code);
        }
        catch (ArgumentException e)
        {
            // Authentic but not a descriptor (a number that is not finite): as unusable as a forged one.
            throw new CryptographicException(e.Message, e);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private static byte[] Associated(Guid holderId, Guid gateId)
    {
        var data = new byte[32];
        holderId.TryWriteBytes(data);
        gateId.TryWriteBytes(data.AsSpan(16));
        return data;
    }
}
