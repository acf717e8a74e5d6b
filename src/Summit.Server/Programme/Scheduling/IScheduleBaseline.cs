using Summit.Server.Programme.Timetable;

namespace Summit.Server.Programme.Scheduling;

/// <summary>
/// A source of the previous placement a re-run of the solver moves as little as possible from, chosen by <see cref="Name"/> in the request:
/// the draft's own placement ("draft", <see cref="DraftBaseline"/>) or the latest released version's ("released", <see cref="ReleasedBaseline"/>).
/// </summary>
public interface IScheduleBaseline
{
    string Name { get; }

    Task<IReadOnlyDictionary<Guid, SchedulePlacement>> LoadAsync(ProgrammeState state, CancellationToken ct = default);
}
