using Summit.Server.Programme.Sessions;

namespace Summit.Server.Programme.Scheduling;

/// <summary>A proposal accepted: the draft's fingerprint it was made from and the placements it makes (the proposal's "to" side).</summary>
public sealed record AcceptScheduleInput(string Fingerprint, IReadOnlyList<SessionPlacement> Moves);
