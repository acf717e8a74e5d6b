namespace Summit.Server.Programme;

/// <summary>
/// A released version of the timetable: numbered from 1 per event, when and by whom, an optional comment, and the snapshot of every placed
/// session as the public sees it (<see cref="Releases.ReleaseSnapshot"/> as JSON). Never changed once written (docs/adr/0032): the public
/// programme, the export and the changelog read it, never the draft.
/// </summary>
public sealed class ProgrammeRelease
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset ReleasedAt { get; set; }
    public string ReleasedBy { get; set; } = "";
    public string? ReleasedByUserId { get; set; }
    public string Comment { get; set; } = "";

    /// <summary>The <see cref="Releases.ReleaseSnapshot"/> as JSON: sessions, rooms, times, titles, languages and people (by id, with roles).</summary>
    public string Snapshot { get; set; } = "";
    public int SessionCount { get; set; }
    public int NoticeCount { get; set; }
}
