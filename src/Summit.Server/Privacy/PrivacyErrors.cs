namespace Summit.Server.Privacy;

/// <summary>The Privacy module's reason codes; each has an "error.{code}" text in both catalogs.</summary>
public static class PrivacyErrors
{
    public const string RetentionOutOfRange = "privacy.retention_out_of_range";
    public const string SubjectNotFound = "privacy.subject_not_found";
    public const string ErasureReasonRequired = "privacy.erasure_reason_required";
    public const string ErasureNotConfirmed = "privacy.erasure_not_confirmed";
    public const string ErasureHeld = "privacy.erasure_held";
    public const string PurgeNotDue = "privacy.purge_not_due";
    public const string PurgeRunning = "privacy.purge_running";
    public const string SearchTooShort = "privacy.search_too_short";

    public static readonly IReadOnlyList<string> All =
        [RetentionOutOfRange, SubjectNotFound, ErasureReasonRequired, ErasureNotConfirmed, ErasureHeld, PurgeNotDue, PurgeRunning, SearchTooShort];
}
