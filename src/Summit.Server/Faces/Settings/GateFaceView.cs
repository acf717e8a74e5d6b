namespace Summit.Server.Faces.Settings;

/// <summary>Whether a gate checks faces.</summary>
public sealed record GateFaceView(Guid GateId, string Code, string Name, bool FacesOn);
