using Summit.Server.Events.Contracts;

namespace Summit.Server.Programme.Public;

/// <summary>
/// The latest release as the public reads it, kept between requests: a release never changes once made, so fifty readers of the public
/// programme need not each read and parse its snapshot and look up its people (docs/benchmarks.md, public programme). Each request still
/// reads which release is the latest, so a new release shows at once on every server process; the people's public names (a guest's
/// card, which may be corrected or erased) are read again after <see cref="PeopleFor"/>.
/// </summary>
public sealed class PublishedProgrammeCache(TimeProvider clock)
{
    /// <summary>How long the names of the people on stage are shown as read: a correction or an erasure reaches the public page within it.</summary>
    public static readonly TimeSpan PeopleFor = TimeSpan.FromSeconds(30);

    private volatile Entry? _entry;

    /// <summary>The kept programme if it is that release of that event, as the event now stands, and its people were read recently.</summary>
    public PublishedProgramme? Find(EventFacts current, int releaseNumber)
    {
        var entry = _entry;
        if (entry is null || entry.Programme.Release.Number != releaseNumber || clock.GetUtcNow() - entry.ReadAt >= PeopleFor)
        {
            return null;
        }

        var kept = entry.Programme.Event;
        return kept.Id == current.Id && kept.Name == current.Name && kept.NameZh == current.NameZh && kept.StartDate == current.StartDate
            && kept.EndDate == current.EndDate && kept.TimeZoneId == current.TimeZoneId
            ? entry.Programme
            : null;
    }

    public void Keep(PublishedProgramme programme) => _entry = new Entry(programme, clock.GetUtcNow());

    private sealed record Entry(PublishedProgramme Programme, DateTimeOffset ReadAt);
}
