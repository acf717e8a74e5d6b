namespace Summit.Server.Faces.Settings;

public sealed record GateFaceInput(bool FacesOn);
