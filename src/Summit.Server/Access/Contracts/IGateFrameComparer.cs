using Summit.Access.Core;
using Summit.Access.Core.Sync;

namespace Summit.Server.Access.Contracts;

/// <summary>
/// Compares the camera frame that came with an online entry scan with the holder's enrolled face template, before the scan's batch
/// is decided (issue 14). Registered by the Faces module; Access names no implementation. The comparer decides whether to look at
/// the frame at all: it must not for a holder without a template (no consent) or at a gate with faces off. The frame is never
/// stored; the comparison rides with the scan to the gate checks (<see cref="ScanContext.Face"/>).
/// </summary>
public interface IGateFrameComparer
{
    /// <summary>
    /// The comparison, or null when none was made. The first frame is compared with the template; at a gate that requires a live face
    /// (ADR 0035) every frame is judged for a head turn (<see cref="FaceComparison.Live"/>), elsewhere the later frames are not looked at.
    /// </summary>
    /// <param name="holderId">The holder of a code whose signature is genuine.</param>
    /// <param name="frames">The scan's frames, oldest first: one, or a burst; at least one.</param>
    Task<FaceComparison?> CompareAsync(Guid holderId, GateInfo gate, IReadOnlyList<byte[]> frames, CancellationToken ct);

    /// <summary>
    /// Whether entries at the gate are compared now (faces on there), so that a console opens its camera only where a frame is used;
    /// the holder's template is still checked scan by scan.
    /// </summary>
    Task<bool> ComparesAtAsync(Guid gateId, CancellationToken ct);

    /// <summary>Whether entries at the gate require a live face (ADR 0035), so that a console sends a burst of frames there.</summary>
    Task<bool> RequiresLivenessAtAsync(Guid gateId, CancellationToken ct);
}
