namespace Summit.Access.Core;

/// <summary>Why a scanned text is not a well-formed credential (before any signature check).</summary>
public enum DecodeError
{
    None = 0,

    /// <summary>Does not start with "S" and a version digit.</summary>
    BadPrefix = 1,

    /// <summary>A version this decoder does not know (prefix or version byte).</summary>
    UnsupportedVersion = 2,

    /// <summary>Wrong number of characters for the version.</summary>
    BadLength = 3,

    /// <summary>A character outside the Base32 alphabet, or non-zero padding bits.</summary>
    BadCharacter = 4,

    /// <summary>The validity window is empty (until not after from) or ends past year 9999.</summary>
    BadValidity = 5,
}
