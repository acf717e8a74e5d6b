namespace Summit.Server.Programme.Contracts;

/// <summary>The released sessions' attendance as of a moment; no release before it: no sessions (<paramref name="Release"/> null).</summary>
public sealed record ProgrammeReportFigures(int? Release, IReadOnlyList<SessionAttendance> Sessions);
