namespace Summit.Access.Core;

/// <summary>
/// RFC 4648 Base32, upper case, no padding. Decoding is strict so that every accepted text maps to exactly
/// one byte string: only A-Z and 2-7, and the unused low bits of the last character must be zero.
/// </summary>
internal static class Base32
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    public static int EncodedLength(int byteCount) => ((byteCount * 8) + 4) / 5;

    public static void Encode(ReadOnlySpan<byte> bytes, Span<char> destination)
    {
        var buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var b in bytes)
        {
            buffer = ((buffer << 8) | b) & 0xFFF;
            bits += 8;
            while (bits >= 5)
            {
                bits -= 5;
                destination[index++] = Alphabet[(buffer >> bits) & 31];
            }
        }
        if (bits > 0)
        {
            destination[index] = Alphabet[(buffer << (5 - bits)) & 31];
        }
    }

    /// <summary>Decodes exactly <c>destination.Length</c> bytes; false on any wrong length, character or padding bit.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text.Length != EncodedLength(destination.Length))
        {
            return false;
        }
        var buffer = 0;
        var bits = 0;
        var index = 0;
        foreach (var c in text)
        {
            int value;
            if (c is >= 'A' and <= 'Z')
            {
                value = c - 'A';
            }
            else if (c is >= '2' and <= '7')
            {
                value = c - '2' + 26;
            }
            else
            {
                return false;
            }
            buffer = ((buffer << 5) | value) & 0xFFF;
            bits += 5;
            if (bits >= 8)
            {
                bits -= 8;
                destination[index++] = (byte)(buffer >> bits);
            }
        }
        // Leftover bits are padding; a non-zero value would be a second spelling of the same bytes.
        return (buffer & ((1 << bits) - 1)) == 0;
    }
}
