namespace Summit.Server.Programme.Scheduling;

/// <summary>How long and with how many threads and how much memory the solver may search (CP-SAT's own limits, checked by it).</summary>
public sealed record ScheduleLimits(double TimeLimitSeconds, int Workers = 1, int MaxMemoryMb = 1024);
