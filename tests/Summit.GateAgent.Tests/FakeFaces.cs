namespace Summit.GateAgent.Tests;

/// <summary>
/// What the fake server sends a gate about faces: the switch, the lane, the event's threshold and margin, the people, and whether the gate
/// requires a live face.
/// </summary>
internal sealed record FakeFaces(bool FacesOn, bool FaceLane, IReadOnlyList<FakeFace> People, double Threshold = 0.45, double Margin = 0.1, bool Liveness = false);
