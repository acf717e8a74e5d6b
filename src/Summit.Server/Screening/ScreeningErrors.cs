namespace Summit.Server.Screening;

/// <summary>The screening module's reason codes; each has an "error.{code}" text in both screening catalogs.</summary>
public static class ScreeningErrors
{
    public const string SensorNotFound = "screening.sensor_not_found";
    public const string SensorCodeInvalid = "screening.sensor_code_invalid";
    public const string SensorCodeDuplicate = "screening.sensor_code_duplicate";
    public const string SensorCodeReserved = "screening.sensor_code_reserved";
    public const string GateUnknown = "screening.gate_unknown";
    public const string HoldNotFound = "screening.hold_not_found";
    public const string HoldNotOpen = "screening.hold_not_open";
    public const string RemeasureOutOfRange = "screening.remeasure_out_of_range";
    public const string RemeasureAboveThreshold = "screening.remeasure_above_threshold";
    public const string ThresholdOutOfRange = "screening.threshold_out_of_range";

    public static readonly IReadOnlyList<string> All =
        [SensorNotFound, SensorCodeInvalid, SensorCodeDuplicate, SensorCodeReserved, GateUnknown, HoldNotFound, HoldNotOpen, RemeasureOutOfRange, RemeasureAboveThreshold,
        ThresholdOutOfRange];
}
