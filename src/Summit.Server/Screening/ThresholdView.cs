namespace Summit.Server.Screening;

/// <param name="FromEvent">False while the event has no threshold of its own and the configured default applies.</param>
public sealed record ThresholdView(double ThresholdCelsius, double DefaultCelsius, bool FromEvent, DateTimeOffset? UpdatedAt, string? UpdatedBy);
