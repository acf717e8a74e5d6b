using System.Buffers.Binary;
using NSec.Cryptography;

namespace Summit.Access.Core;

/// <summary>
/// Credential format version 1 (see docs/access/credential-format.md): text "S1" + Base32 of
/// version | key id | credential id | holder id | event id | category | extra zones | valid from | valid until | signature,
/// integers big-endian, GUIDs in RFC 4122 byte order, Ed25519 signature over all bytes before it.
/// </summary>
public static class CredentialCodec
{
    public const byte CurrentVersion = 1;

    /// <summary>Bytes before the signature.</summary>
    public const int SignedLength = 1 + 4 + 16 + 16 + 4 + 2 + 8 + 4 + 4;

    public const int SignatureLength = 64;

    /// <summary>Binary length of a version 1 credential.</summary>
    public const int BinaryLength = SignedLength + SignatureLength;

    public const string Prefix = "S1";

    /// <summary>Characters of a version 1 credential text, prefix included.</summary>
    public static readonly int TextLength = Prefix.Length + Base32.EncodedLength(BinaryLength);

    private const int KeyIdOffset = 1;
    private const int CredentialIdOffset = 5;
    private const int HolderIdOffset = 21;
    private const int EventIdOffset = 37;
    private const int CategoryOffset = 41;
    private const int ZonesOffset = 43;
    private const int ValidFromOffset = 51;
    private const int ValidUntilOffset = 55;

    /// <summary>Signs and encodes; throws when the payload cannot be represented (times not whole minutes, empty window).</summary>
    public static string Encode(CredentialPayload payload, Key signingKey)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        if (signingKey.Algorithm != SignatureAlgorithm.Ed25519)
        {
            throw new ArgumentException("The signing key must be an Ed25519 key.", nameof(signingKey));
        }
        Span<byte> bytes = stackalloc byte[BinaryLength];
        WritePayload(payload, bytes[..SignedLength]);
        SignatureAlgorithm.Ed25519.Sign(signingKey, bytes[..SignedLength], bytes[SignedLength..]);
        return ToText(bytes);
    }

    /// <summary>The text form of raw credential bytes (payload and signature); no checks.</summary>
    internal static string ToText(ReadOnlySpan<byte> bytes) =>
        string.Create(Prefix.Length + Base32.EncodedLength(bytes.Length), bytes.ToArray(), static (chars, raw) =>
        {
            Prefix.AsSpan().CopyTo(chars);
            Base32.Encode(raw, chars[Prefix.Length..]);
        });

    internal static void WritePayload(CredentialPayload payload, Span<byte> destination)
    {
        if (!CredentialTime.TryToMinutes(payload.ValidFrom, out var from))
        {
            throw new ArgumentException("ValidFrom must be a whole UTC minute from 2020-01-01 on.", nameof(payload));
        }
        if (!CredentialTime.TryToMinutes(payload.ValidUntil, out var until))
        {
            throw new ArgumentException("ValidUntil must be a whole UTC minute from 2020-01-01 on.", nameof(payload));
        }
        if (until <= from)
        {
            throw new ArgumentException("ValidUntil must be after ValidFrom.", nameof(payload));
        }
        destination[0] = CurrentVersion;
        BinaryPrimitives.WriteUInt32BigEndian(destination[KeyIdOffset..], payload.KeyId);
        payload.CredentialId.TryWriteBytes(destination.Slice(CredentialIdOffset, 16), bigEndian: true, out _);
        payload.HolderId.TryWriteBytes(destination.Slice(HolderIdOffset, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteUInt32BigEndian(destination[EventIdOffset..], payload.EventId);
        BinaryPrimitives.WriteUInt16BigEndian(destination[CategoryOffset..], payload.Category);
        BinaryPrimitives.WriteUInt64BigEndian(destination[ZonesOffset..], payload.ExtraZones.Bits);
        BinaryPrimitives.WriteUInt32BigEndian(destination[ValidFromOffset..], from);
        BinaryPrimitives.WriteUInt32BigEndian(destination[ValidUntilOffset..], until);
    }

    /// <summary>Decodes the structure only (no signature check). Never throws.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out CredentialPayload payload, out DecodeError error)
    {
        Span<byte> bytes = stackalloc byte[BinaryLength];
        return TryDecode(text, bytes, out payload, out error);
    }

    /// <summary>
    /// Decodes the structure and writes the raw credential (signed bytes followed by the signature) to
    /// <paramref name="credentialBytes"/>, which must hold <see cref="BinaryLength"/> bytes. Never throws.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> credentialBytes, out CredentialPayload payload, out DecodeError error)
    {
        payload = default;
        if (credentialBytes.Length < BinaryLength)
        {
            error = DecodeError.BadLength;
            return false;
        }
        var bytes = credentialBytes[..BinaryLength];
        if (text.Length < 2 || text[0] != 'S' || !char.IsAsciiDigit(text[1]))
        {
            error = DecodeError.BadPrefix;
            return false;
        }
        if (text[1] != '0' + CurrentVersion)
        {
            error = DecodeError.UnsupportedVersion;
            return false;
        }
        if (text.Length != TextLength)
        {
            error = DecodeError.BadLength;
            return false;
        }
        if (!Base32.TryDecode(text[Prefix.Length..], bytes))
        {
            error = DecodeError.BadCharacter;
            return false;
        }
        if (bytes[0] != CurrentVersion)
        {
            error = DecodeError.UnsupportedVersion;
            return false;
        }
        var from = BinaryPrimitives.ReadUInt32BigEndian(bytes[ValidFromOffset..]);
        var until = BinaryPrimitives.ReadUInt32BigEndian(bytes[ValidUntilOffset..]);
        if (until <= from || !CredentialTime.TryFromMinutes(from, out var validFrom) || !CredentialTime.TryFromMinutes(until, out var validUntil))
        {
            error = DecodeError.BadValidity;
            return false;
        }
        payload = new CredentialPayload(
            BinaryPrimitives.ReadUInt32BigEndian(bytes[KeyIdOffset..]),
            new Guid(bytes.Slice(CredentialIdOffset, 16), bigEndian: true),
            new Guid(bytes.Slice(HolderIdOffset, 16), bigEndian: true),
            BinaryPrimitives.ReadUInt32BigEndian(bytes[EventIdOffset..]),
            BinaryPrimitives.ReadUInt16BigEndian(bytes[CategoryOffset..]),
            new ZoneSet(BinaryPrimitives.ReadUInt64BigEndian(bytes[ZonesOffset..])),
            validFrom,
            validUntil);
        error = DecodeError.None;
        return true;
    }

    /// <summary>
    /// Checks the signature of raw credential bytes with the key named by <paramref name="keyId"/>. A retired key is
    /// reported only for a genuine signature, so a forgery always reads as a bad signature.
    /// </summary>
    public static SignatureCheck Verify(ReadOnlySpan<byte> credentialBytes, uint keyId, IPublicKeyRing keys)
    {
        if (credentialBytes.Length != BinaryLength)
        {
            return SignatureCheck.BadSignature;
        }
        if (!keys.TryGet(keyId, out var key, out var status))
        {
            return SignatureCheck.UnknownKey;
        }
        if (!SignatureAlgorithm.Ed25519.Verify(key, credentialBytes[..SignedLength], credentialBytes[SignedLength..]))
        {
            return SignatureCheck.BadSignature;
        }
        return status == KeyStatus.Retired ? SignatureCheck.RetiredKey : SignatureCheck.Valid;
    }
}
