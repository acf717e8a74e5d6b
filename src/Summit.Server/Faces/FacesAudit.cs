namespace Summit.Server.Faces;

/// <summary>Audit actions of the Faces module. A template's values never appear in an entry: only that it exists and why.</summary>
public static class FacesAudit
{
    public const string Enrolled = "face.enrolled";
    public const string EnrolmentRefused = "face.enrolment_refused";
    public const string TemplateDeleted = "face.template_deleted";
    public const string TemplatesPurged = "face.templates_purged";
    public const string SettingsChanged = "face.settings_changed";
    public const string GateSwitched = "face.gate_switched";
    public const string FastLaneChanged = "face.fast_lane_changed";
    public const string LaneMarked = "face.lane_marked";
    public const string LivenessSwitched = "face.liveness_switched";
    public const string TemplatesSynced = "face.templates_synced";

    /// <summary>The audit entries' entity type for a guest's template (its id is the guest's).</summary>
    public const string TemplateEntity = "face_template";
}
