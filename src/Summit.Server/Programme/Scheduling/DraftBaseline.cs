using Summit.Server.Programme.Timetable;

namespace Summit.Server.Programme.Scheduling;

/// <summary>The draft's placement as the previous one: a re-run keeps every placed session where it is whenever it can.</summary>
public sealed class DraftBaseline : IScheduleBaseline
{
    public const string Key = "draft";

    public string Name => Key;

    public Task<IReadOnlyDictionary<Guid, SchedulePlacement>> LoadAsync(ProgrammeState state, CancellationToken ct = default) =>
        Task.FromResult<IReadOnlyDictionary<Guid, SchedulePlacement>>(state.Sessions
            .Where(s => s.RoomId is not null && s.StartsAt is not null && s.EndsAt is not null)
            .ToDictionary(s => s.Id, s => new SchedulePlacement(s.RoomId!.Value, s.StartsAt!.Value, s.EndsAt!.Value)));
}
