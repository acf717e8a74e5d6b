using Summit.Access.Core;

namespace Summit.Server.Access.Contracts;

/// <summary>Refused scans of one reason on one day.</summary>
public sealed record RefusalRow(DateOnly Day, bool WithinEvent, ReasonCode Reason, int Scans);
