namespace Summit.BrowserTests;

/// <summary>A lane of its own for a browser test: a zone with hard anti-passback and one entry gate into it.</summary>
public sealed record TestLane(Guid ZoneId, string ZoneCode, Guid GateId, string GateCode);
