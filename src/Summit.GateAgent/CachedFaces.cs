using Summit.Access.Core.Sync;

namespace Summit.GateAgent;

/// <summary>faces.json: the gate's face templates as the server sealed them (never in clear on the disk), and when they came.</summary>
public sealed record CachedFaces(DateTimeOffset SyncedAt, GateFacesDocument Faces);
