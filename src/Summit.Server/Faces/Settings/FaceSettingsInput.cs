namespace Summit.Server.Faces.Settings;

/// <param name="Threshold">The largest distance that counts as the same person (0.30 to 0.70, two decimals).</param>
/// <param name="RetentionDays">Days after the event's last day that templates are kept (0 to 30).</param>
/// <param name="Margin">At a face lane, how far the best match must lie ahead of the second best (0.05 to 0.30, two decimals); absent
/// keeps the margin in force.</param>
public sealed record FaceSettingsInput(double Threshold, int RetentionDays, double? Margin = null);
