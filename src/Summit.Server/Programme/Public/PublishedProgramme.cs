using Summit.Server.Events.Contracts;
using Summit.Server.Programme.Releases;

namespace Summit.Server.Programme.Public;

/// <summary>The latest released version, read once: the event and its zone, the release and its snapshot, its public sessions, the people on stage and the event's days.</summary>
public sealed record PublishedProgramme(
    EventFacts Event,
    TimeZoneInfo Zone,
    ProgrammeRelease Release,
    ReleaseSnapshot Snapshot,
    IReadOnlyList<PublicSession> Sessions,
    IReadOnlyDictionary<Guid, ReleasePerson> People,
    IReadOnlyList<DateOnly> Days);

