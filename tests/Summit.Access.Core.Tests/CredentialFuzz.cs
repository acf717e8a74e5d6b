namespace Summit.Access.Core.Fuzzing;

/// <summary>
/// Inputs for fuzzing the credential decoder and the gate decision: random texts and mutations of genuine codes. Most
/// mutations keep the length and the alphabet, so that they decode and reach the signature check instead of stopping
/// at the length check. Shared by the fuzz test of the suite and the long fuzz run of bench/Summit.Benchmarks (the
/// file is compiled into both).
/// </summary>
internal static class CredentialFuzz
{
    public const string Base32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    /// <summary>Base32 and scanner noise: lower case, digits outside the alphabet, separators, control characters, non-ASCII.</summary>
    public const string AnyCharacter = Base32Alphabet + "abcxyz01892 $%*+-./:\n\r\t\0é中\uFEFF";

    public static IReadOnlyList<FuzzKind> Kinds { get; } = Enum.GetValues<FuzzKind>();

    /// <summary>One input of the given kind; mutations start from one of <paramref name="genuineCodes"/>, chosen at random.</summary>
    public static string Make(FuzzKind kind, Random random, IReadOnlyList<string> genuineCodes)
    {
        var code = genuineCodes[random.Next(genuineCodes.Count)];
        switch (kind)
        {
            case FuzzKind.RandomText:
                return RandomText(random, random.Next(0, 260), AnyCharacter);
            case FuzzKind.RandomBase32:
                return CredentialCodec.Prefix + RandomText(random, CredentialCodec.TextLength - CredentialCodec.Prefix.Length, Base32Alphabet);
            case FuzzKind.Truncation:
                var kept = random.Next(code.Length);
                return random.Next(2) == 0 ? code[..kept] : code[(code.Length - kept)..];
            case FuzzKind.Splice:
                var other = genuineCodes[random.Next(genuineCodes.Count)];
                var cut = random.Next(code.Length);
                return code[..cut] + other[cut..];
            default:
                var chars = code.ToList();
                Edit(kind, random, chars);
                return new string([.. chars]);
        }
    }

    private static void Edit(FuzzKind kind, Random random, List<char> chars)
    {
        var edits = kind switch
        {
            FuzzKind.BitFlip => 1 + random.Next(3),
            FuzzKind.CharacterBitFlip or FuzzKind.Transposition => 1,
            _ => 1 + random.Next(4),
        };
        for (var e = 0; e < edits; e++)
        {
            if (chars.Count == 0)
            {
                chars.Add('S');
            }
            var position = random.Next(chars.Count);
            var edit = kind == FuzzKind.Mixed ? MixedEdits[random.Next(MixedEdits.Length)] : kind;
            switch (edit)
            {
                case FuzzKind.BitFlip:
                    // Past the prefix a genuine code is all Base32; flipping a bit of a character's value flips that bit of the bytes.
                    position = CredentialCodec.Prefix.Length + random.Next(chars.Count - CredentialCodec.Prefix.Length);
                    var value = Base32Alphabet.IndexOf(chars[position], StringComparison.Ordinal);
                    chars[position] = value < 0 ? chars[position] : Base32Alphabet[value ^ (1 << random.Next(5))];
                    break;
                case FuzzKind.CharacterBitFlip:
                    chars[position] = (char)(chars[position] ^ (1 << random.Next(16)));
                    break;
                case FuzzKind.Substitution:
                    chars[position] = random.Next(2) == 0 ? Base32Alphabet[random.Next(Base32Alphabet.Length)] : AnyCharacter[random.Next(AnyCharacter.Length)];
                    break;
                case FuzzKind.Insertion:
                    chars.Insert(random.Next(chars.Count + 1), AnyCharacter[random.Next(AnyCharacter.Length)]);
                    break;
                case FuzzKind.Deletion:
                    chars.RemoveAt(position);
                    break;
                case FuzzKind.Transposition:
                    var other = random.Next(2) == 0 ? Math.Min(position + 1, chars.Count - 1) : random.Next(chars.Count);
                    (chars[position], chars[other]) = (chars[other], chars[position]);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a character edit.");
            }
        }
    }

    private static readonly FuzzKind[] MixedEdits =
        [FuzzKind.BitFlip, FuzzKind.Substitution, FuzzKind.Substitution, FuzzKind.Insertion, FuzzKind.Deletion, FuzzKind.Transposition];

    private static string RandomText(Random random, int length, string alphabet)
    {
        var chars = new char[length];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }
        return new string(chars);
    }
}
