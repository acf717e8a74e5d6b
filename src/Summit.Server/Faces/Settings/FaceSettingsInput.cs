namespace Summit.Server.Faces.Settings;

/// <param name="Threshold">The largest distance that counts as the same person (0.30 to 0.70, two decimals).</param>
/// <param name="RetentionDays">Days after the event's last day that templates are kept (0 to 30).</param>
public sealed record FaceSettingsInput(double Threshold, int RetentionDays);
