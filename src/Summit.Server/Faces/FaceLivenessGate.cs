namespace Summit.Server.Faces;

/// <summary>
/// A gate that requires liveness (ADR 0035): at its entries a matching face must also turn a little across a short burst of frames,
/// or the scan is refused as <see cref="Summit.Access.Core.ReasonCode.FaceNotLive"/>. Off (no row) by default: gates behave as before.
/// </summary>
public sealed class FaceLivenessGate
{
    public Guid GateId { get; set; }
    public Guid EventId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
