using Summit.Access.Core.Sync;

namespace Summit.GateAgent;

/// <summary>The server's presence of the gate's zone, and how much of the journal it already counted.</summary>
/// <param name="AcknowledgedThrough">Journal scans up to this sequence were acknowledged before the presence was asked for,
/// so they are in it; later admitted scans are applied on top.</param>
public sealed record CachedPresence(long AcknowledgedThrough, PresenceDocument Presence);
