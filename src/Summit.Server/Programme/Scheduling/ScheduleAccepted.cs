namespace Summit.Server.Programme.Scheduling;

/// <summary>An accepted proposal: how many sessions were placed or moved, and the draft's fingerprint after it.</summary>
public sealed record ScheduleAccepted(int Placed, string Fingerprint);
