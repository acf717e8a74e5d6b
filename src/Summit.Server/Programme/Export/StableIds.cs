using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Summit.Server.Programme.Export;

/// <summary>
/// Stable identifiers for the schedule export, derived from Summit's own ids as RFC 9562 name-based (version 5, SHA-1) UUIDs in Summit's
/// namespace, so that an app that imported one version recognises the same session and person in the next: the same input always gives
/// the same UUID, and the Frab format's integer id is the UUID's first 31 bits.
/// </summary>
public static class StableIds
{
    /// <summary>Summit's namespace for the export's names (a fixed, random UUID).</summary>
    public static readonly Guid Namespace = new("5a1e0d8c-7f3b-4c55-9a61-2b8e4f0c9d17");

    public static Guid Session(Guid id) => NameBased("session:" + id.ToString("D"));

    public static Guid Person(Guid id) => NameBased("person:" + id.ToString("D"));

    public static Guid Room(Guid id) => NameBased("room:" + id.ToString("D"));

    /// <summary>A positive integer from a UUID's first 31 bits (the Frab format's integer ids).</summary>
    public static int Number(Guid uuid)
    {
        Span<byte> bytes = stackalloc byte[16];
        uuid.TryWriteBytes(bytes, bigEndian: true, out _);
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(bytes) >> 1);
    }

    /// <summary>The version 5 UUID of <paramref name="name"/> in <see cref="Namespace"/>.</summary>
    public static Guid NameBased(string name) => NameBased(Namespace, name);

    /// <summary>The version 5 UUID of <paramref name="name"/> in <paramref name="space"/> (RFC 9562, section 5.5).</summary>
    public static Guid NameBased(Guid space, string name)
    {
        var input = new byte[16 + Encoding.UTF8.GetByteCount(name)];
        space.TryWriteBytes(input, bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input.AsSpan(16));
#pragma warning disable CA5350 // SHA-1 is what RFC 9562 names for version 5 UUIDs: an identifier, not a signature
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
