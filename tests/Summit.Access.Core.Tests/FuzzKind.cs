namespace Summit.Access.Core.Fuzzing;

/// <summary>How a fuzz input was made.</summary>
public enum FuzzKind
{
    /// <summary>Any characters, any length: what a scanner types when it reads the wrong thing.</summary>
    RandomText,

    /// <summary>"S1" and the right number of Base32 characters: well formed, never signed.</summary>
    RandomBase32,

    /// <summary>One to three bits of a genuine code's encoded bytes flipped (the text stays in the alphabet).</summary>
    BitFlip,

    /// <summary>One bit of one character flipped (lower case, control characters, other planes).</summary>
    CharacterBitFlip,

    /// <summary>One to four characters replaced, half of them by Base32 characters.</summary>
    Substitution,

    /// <summary>A genuine code cut short at the end or at the start.</summary>
    Truncation,

    /// <summary>One to four characters inserted.</summary>
    Insertion,

    /// <summary>One to four characters removed.</summary>
    Deletion,

    /// <summary>Two characters swapped.</summary>
    Transposition,

    /// <summary>The start of one genuine code and the rest of another, cut at the same place.</summary>
    Splice,

    /// <summary>One to four of the above edits in a row.</summary>
    Mixed,
}
