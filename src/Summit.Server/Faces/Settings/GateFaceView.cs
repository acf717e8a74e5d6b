namespace Summit.Server.Faces.Settings;

/// <summary>
/// Whether a gate checks faces, whether it is a face lane (a VIP passes on the face alone), and whether it requires liveness (a matching
/// face must turn a little across a burst of frames, ADR 0035).
/// </summary>
public sealed record GateFaceView(Guid GateId, string Code, string Name, bool FacesOn, bool FaceLane, bool HasEntry, bool Liveness = false);
