namespace Summit.Server.Privacy;

/// <summary>The audit actions of the Privacy module.</summary>
public static class PrivacyAudit
{
    public const string RetentionChanged = "privacy.retention_changed";
    public const string Exported = "privacy.exported";
    public const string ErasurePreviewed = "privacy.erasure_previewed";
    public const string Erased = "privacy.erased";
    public const string PurgePreviewed = "privacy.purge_previewed";
    public const string Purged = "privacy.purged";
}
