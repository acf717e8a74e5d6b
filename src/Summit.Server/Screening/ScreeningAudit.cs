namespace Summit.Server.Screening;

/// <summary>Audit actions of screening: sensors, holds and the officers' decisions.</summary>
public static class ScreeningAudit
{
    public const string SensorEnrolled = "sensor.enrolled";
    public const string SensorRevoked = "sensor.revoked";
    public const string SequenceReset = "sensor.sequence_reset";
    public const string SensorViewed = "sensor.viewed";
    public const string HoldRaised = "screening.hold_raised";
    public const string HoldCleared = "screening.hold_cleared";
    public const string FeverConfirmed = "screening.fever_confirmed";
    public const string ThresholdChanged = "screening.threshold_changed";
}
