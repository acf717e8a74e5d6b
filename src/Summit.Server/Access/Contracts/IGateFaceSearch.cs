using Summit.Access.Core.Sync;

namespace Summit.Server.Access.Contracts;

/// <summary>
/// The face-only lane (the VIP fast lane, issue 14, ADR 0034): a frame that came without a code at a gate marked as a face lane is
/// searched among the lane's eligible templates (1:N) before the scan's batch is decided. Registered by the Faces module; Access
/// names no implementation. A clear match is then decided as the holder's code would be (zones, revocation, holds, anti-passback);
/// anything else is refused as <see cref="Summit.Access.Core.ReasonCode.FaceLaneNoMatch"/> (show your code).
/// </summary>
public interface IGateFaceSearch
{
    /// <summary>The search's outcome; null when the gate is not a face lane (the scan is then decided as any scan without a code).</summary>
    Task<FaceLaneSearch?> SearchAsync(GateInfo gate, byte[] frame, CancellationToken ct);
}
