namespace Summit.Server.Programme;

/// <summary>The main forum (the opening, the keynotes, the high-level dialogue) or one of the sub-forums. Stored: never renumber.</summary>
public enum ForumKind
{
    Main = 0,
    Sub = 1,
}
