using Summit.Access.Core.Sync;

namespace Summit.GateAgent;

/// <summary>The last policy the gate synced, kept so that a restart while the server is down still decides.</summary>
public sealed record CachedPolicy(DateTimeOffset SyncedAt, GatePolicyDocument Policy);
