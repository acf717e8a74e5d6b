namespace Summit.GateAgent;

/// <summary>GET /status's face check: what the last synced set says, and whether this PC can check (a camera source, the engine).</summary>
/// <param name="Synced">Whether a set was synced for this gate (false: never, or the server has no faces).</param>
/// <param name="Templates">People whose template the gate holds (sealed); <see cref="FaceLaneTemplates"/> of them at the face lane.</param>
/// <param name="Camera">The camera source; null when none is configured.</param>
/// <param name="EngineProblem">Why the face engine could not be loaded; null when it is loaded or not needed yet.</param>
public sealed record FaceStatus(
    bool Synced, bool FacesOn, bool FaceLane, int Templates, int FaceLaneTemplates, DateTimeOffset? SyncedAt, string? Camera, bool EngineReady,
    string? EngineProblem);
