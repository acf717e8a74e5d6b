using Summit.Access.Core.Sync;

namespace Summit.Server.Access.Contracts;

/// <summary>
/// The face-only lane (the VIP fast lane, issue 14, ADR 0034): a frame that came without a code at a gate marked as a face lane is
/// searched among the lane's eligible templates (1:N) before the scan's batch is decided. Registered by the Faces module; Access
/// names no implementation. A clear match is then decided as the holder's code would be (zones, revocation, holds, anti-passback);
/// anything else is refused as <see cref="Summit.Access.Core.ReasonCode.FaceLaneNoMatch"/> (show your code). At a lane that requires a
/// live face (ADR 0035) the whole burst is judged first, and one that is not live is refused as
/// <see cref="Summit.Access.Core.ReasonCode.FaceLaneNotLive"/> without searching anyone.
/// </summary>
public interface IGateFaceSearch
{
    /// <summary>The search's outcome; null when the gate is not a face lane (the scan is then decided as any scan without a code).</summary>
    /// <param name="frames">The scan's frames, oldest first: one, or a burst; at least one. Where no live face is required only the first is looked at.</param>
    Task<FaceLaneSearch?> SearchAsync(GateInfo gate, IReadOnlyList<byte[]> frames, CancellationToken ct);
}
