using Summit.Access.Core;

namespace Summit.GateAgent;

/// <summary>The local endpoint's scan request: the code as read, and the lane for a two-way gate.</summary>
public sealed record LocalScanRequest(string Code, GateDirection? Direction = null);
