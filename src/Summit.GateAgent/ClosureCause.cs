using Summit.Access.Core;

namespace Summit.GateAgent;

/// <summary>Why the agent itself closed the gate before any decision (the verdict is <see cref="ReasonCode.GateClosed"/>).</summary>
public enum ClosureCause
{
    /// <summary>The server refused the device token (401): the device was revoked or its token replaced.</summary>
    DeviceRevoked = 1,

    /// <summary>No access policy has ever been synced, or the cached one is unreadable.</summary>
    NoPolicy = 2,

    /// <summary>The scan asked for a direction this gate does not have (an exit at an entry-only gate).</summary>
    LaneNotServed = 3,

    /// <summary>The scan could not be written to the journal, so it is not admitted.</summary>
    JournalFailure = 4,
}
