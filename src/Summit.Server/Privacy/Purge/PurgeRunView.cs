using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Privacy;

public sealed record PurgeRunView(Guid Id, Guid EventId, PurgeTrigger Trigger, string Actor, string Node, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    PurgeOutcome Outcome, int Erased, int Held, IReadOnlyList<DataCount> Counts, string? Error);
