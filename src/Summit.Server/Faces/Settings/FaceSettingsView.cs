namespace Summit.Server.Faces.Settings;

/// <summary>The current event's face settings in force, the configured defaults, and who set the event's own.</summary>
public sealed record FaceSettingsView(double Threshold, int RetentionDays, double DefaultThreshold, int DefaultRetentionDays, bool FromEvent,
    DateTimeOffset? UpdatedAt, string? UpdatedBy, double Margin, double DefaultMargin);
