namespace Summit.Access.Core;

/// <summary>Result of checking a decoded credential's signature against a key ring.</summary>
public enum SignatureCheck
{
    Valid = 0,
    UnknownKey = 1,
    BadSignature = 2,

    /// <summary>The signature is genuine but its key has been retired.</summary>
    RetiredKey = 3,
}
