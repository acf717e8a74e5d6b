using Summit.Access.Core.Sync;

namespace Summit.GateAgent;

/// <summary>The lane's holds as the server last told them: a restart while the server is down keeps a held lane held.</summary>
public sealed record CachedHolds(DateTimeOffset ReceivedAt, GateHoldsDocument Holds);
