namespace Summit.GateAgent;

/// <summary>A zone whose capacity the gates enforce, and the count this agent decides with: approximate, never the server's live one.</summary>
public sealed record CapacityStatus(int Zone, int MaxInside, int InsideKnown, bool Approximate, DateTimeOffset? PresenceAsOf, string Note,
    string NoteZh);
