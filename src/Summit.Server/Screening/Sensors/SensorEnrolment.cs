namespace Summit.Server.Screening.Sensors;

/// <summary>An enrolment: the sensor and its secret, which is shown this once and never again.</summary>
public sealed record SensorEnrolment(SensorView Sensor, string Secret);
