namespace Summit.Server.Faces;

/// <summary>The Faces module's reason codes; each has an "error.{code}" text in both faces catalogs. Never renamed.</summary>
public static class FacesErrors
{
    public const string GuestNotFound = "faces.guest_not_found";
    public const string ConsentMissing = "faces.consent_missing";
    public const string NoPhoto = "faces.no_photo";
    public const string QualityRefused = "faces.quality_refused";
    public const string ThresholdOutOfRange = "faces.threshold_out_of_range";
    public const string RetentionOutOfRange = "faces.retention_out_of_range";
    public const string GateUnknown = "faces.gate_unknown";
    public const string MarginOutOfRange = "faces.margin_out_of_range";
    public const string NotEnrolled = "faces.not_enrolled";
    public const string LaneNeedsEntry = "faces.lane_needs_entry";
    public const string SelectionEmpty = "faces.selection_empty";
    public const string SelectionTooLarge = "faces.selection_too_large";
    public const string LivenessNeedsEntry = "faces.liveness_needs_entry";

    public static readonly IReadOnlyList<string> All =
        [GuestNotFound, ConsentMissing, NoPhoto, QualityRefused, ThresholdOutOfRange, RetentionOutOfRange, GateUnknown, MarginOutOfRange, NotEnrolled,
            LaneNeedsEntry, SelectionEmpty, SelectionTooLarge, LivenessNeedsEntry];
}
