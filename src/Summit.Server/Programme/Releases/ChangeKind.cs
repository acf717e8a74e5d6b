namespace Summit.Server.Programme.Releases;

/// <summary>What a release changed in a session, compared to the release before it.</summary>
public enum ChangeKind
{
    New = 0,
    Moved = 1,
    Cancelled = 2,
    PeopleChanged = 3,
    Retitled = 4,

    /// <summary>The join link, or whether it is public, changed (the public reads the link only when it is public).</summary>
    JoinLinkChanged = 5,
}
