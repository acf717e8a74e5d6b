namespace Summit.Server.Privacy.Contracts;

public enum DataAction
{
    /// <summary>The records are removed.</summary>
    Deleted,

    /// <summary>The records stay, without anything that identifies the person (they carry a random key instead, or no text).</summary>
    Anonymized,

    /// <summary>The records stay as they are, for the reason the holder states (a legal hold, a code still in force).</summary>
    Kept,
}
