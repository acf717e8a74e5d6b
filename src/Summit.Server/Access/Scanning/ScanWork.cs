using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access.Contracts;

namespace Summit.Server.Access.Scanning;

/// <summary>One scan to record: decided by the server (online, console), or already decided by a gate agent (upload).</summary>
/// <param name="Scanner">"device:{id}" or "user:{id}": with the nonce, what makes the scan unique.</param>
/// <param name="AgentReason">The agent's verdict for an uploaded scan; null when the server decides.</param>
/// <param name="Frame">The lane's camera frame (JPEG or PNG) sent with an online scan, for the face check; compared before the
/// batch and never stored.</param>
/// <param name="AgentFace">The face figures an agent's journal carries with an uploaded scan (its offline face check); never a frame.</param>
/// <param name="LaterFrames">The frames that followed <paramref name="Frame"/> in a burst (oldest first), for the liveness check of a gate
/// that requires it; dropped with the frame.</param>
public sealed record ScanWork(string Scanner, Guid? DeviceId, GateInfo Gate, Guid Nonce, string Code, GateDirection Direction,
    DateTimeOffset? ScannedAt, ScanSource Source, ReasonCode? AgentReason = null, byte[]? Frame = null, AgentFace? AgentFace = null,
    IReadOnlyList<byte[]>? LaterFrames = null);
