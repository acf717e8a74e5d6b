namespace Summit.Server.Faces.Settings;

/// <summary>Whether a gate checks faces, and whether it is a face lane (a VIP passes on the face alone).</summary>
public sealed record GateFaceView(Guid GateId, string Code, string Name, bool FacesOn, bool FaceLane, bool HasEntry);
