using Summit.Server.Programme.Timetable;

namespace Summit.Server.Programme.Releases;

/// <summary>
/// What releasing now would do: the latest released number (none yet: null), the changes of the draft against it, and the conflicts that
/// stop the release (rules whose severity stops the release or the edit); it may go ahead when there are changes and nothing stops it.
/// </summary>
public sealed record ReleasePreview(int? LatestNumber, IReadOnlyList<ChangeView> Changes, IReadOnlyList<ProgrammeConflictView> Blocking)
{
    public bool CanRelease => Changes.Count > 0 && Blocking.Count == 0;
}
