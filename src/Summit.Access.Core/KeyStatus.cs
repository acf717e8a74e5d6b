namespace Summit.Access.Core;

public enum KeyStatus
{
    /// <summary>Credentials signed with the key are accepted.</summary>
    Valid = 0,

    /// <summary>The key was retired: everything it signed is refused.</summary>
    Retired = 1,
}
