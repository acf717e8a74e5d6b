namespace Summit.Server.Screening;

public sealed record ThresholdInput(double ThresholdCelsius);
