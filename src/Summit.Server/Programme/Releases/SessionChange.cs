namespace Summit.Server.Programme.Releases;

/// <summary>
/// One change of a release: the session as it was (null when new) and as it is (null when cancelled), and for changed people who joined and
/// who left it (a person whose role changed is in both).
/// </summary>
public sealed record SessionChange(
    ChangeKind Kind,
    Guid SessionId,
    ReleasedSession? Before,
    ReleasedSession? After,
    IReadOnlyList<ReleasedParticipant> Added,
    IReadOnlyList<ReleasedParticipant> Removed)
{
    /// <summary>The session as the reader should know it: as it is now, or as it was when cancelled.</summary>
    public ReleasedSession Current => After ?? Before!;

    /// <summary>Everyone the change concerns: the people of the session before and after it.</summary>
    public IEnumerable<Guid> People =>
        (Before?.Participants ?? []).Concat(After?.Participants ?? []).Select(p => p.PersonId).Distinct();
}
