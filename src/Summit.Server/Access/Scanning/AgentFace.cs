namespace Summit.Server.Access.Scanning;

/// <summary>
/// What a gate agent's offline face check found (issue 14, ADR 0037), uploaded with the scan: the distance to the holder's template (at a
/// face lane, the identified person's), whether the scan came by face at a face lane, and the lead over the second best there.
/// </summary>
public sealed record AgentFace(double? Distance, bool Lane, double? Lead);
