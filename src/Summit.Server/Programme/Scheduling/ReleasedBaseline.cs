using Summit.Server.Events.Contracts;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Timetable;

namespace Summit.Server.Programme.Scheduling;

/// <summary>
/// The latest released version's placement as the previous one: a re-run moves as few sessions as possible from what the public, the
/// speakers and the crews were last told, whatever the draft has become since. Sessions released since cancelled, or new in the draft, have
/// no previous place. Refused before the first release.
/// </summary>
public sealed class ReleasedBaseline(IEventCalendar events, ReleaseReader releases) : IScheduleBaseline
{
    public const string Key = "released";

    public string Name => Key;

    public async Task<IReadOnlyDictionary<Guid, SchedulePlacement>> LoadAsync(ProgrammeState state, CancellationToken ct = default)
    {
        var clock = await events.GetCurrentClockAsync(ct);
        var release = await releases.LatestAsync(clock.Id, ct) ?? throw new SummitException(SummitError.NotFound(ProgrammeErrors.NotReleased));
        return ReleaseReader.Read(release).Sessions.ToDictionary(s => s.Id, s => new SchedulePlacement(s.RoomId, s.StartsAt, s.EndsAt));
    }
}
