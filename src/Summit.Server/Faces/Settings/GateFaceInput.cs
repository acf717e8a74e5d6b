namespace Summit.Server.Faces.Settings;

/// <param name="FacesOn">Whether the gate checks faces.</param>
/// <param name="FaceLane">Whether the gate is also a face lane (frames without a code, searched 1:N); absent leaves it as it is.</param>
/// <param name="Liveness">Whether the gate's entries require a live face (a burst of frames in which the head turns); absent leaves it as it is.</param>
public sealed record GateFaceInput(bool FacesOn, bool? FaceLane = null, bool? Liveness = null);
