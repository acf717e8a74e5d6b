using Summit.Server.Infrastructure.Options;

namespace Summit.Server.Faces;

/// <summary>Summit:Faces: the defaults an event's own settings override (ADR 0013), and the background work's switches.</summary>
public sealed class FacesOptions : IValidatedOptions
{
    /// <summary>
    /// The largest Euclidean distance between a gate frame and a template that counts as the same person. 0.45 accepted no impostor
    /// among the 20 sample faces (docs/guide/faces-engine.md); dlib's own 0.6 accepted 5.9 % of impostor pairs there.
    /// </summary>
    public double Threshold { get; set; } = 0.45;

    /// <summary>
    /// At a face lane (1:N), how far the best match must lie ahead of the nearest other person (ADR 0034). 0.1 identified every
    /// same-person variant of the sample faces with no wrong person accepted (docs/benchmarks.md).
    /// </summary>
    public double Margin { get; set; } = 0.1;

    /// <summary>How long a face lane's decrypted templates stay in memory after the lane's last search.</summary>
    public TimeSpan GalleryIdleLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Days after the event's last day that templates are kept; 0 deletes them the day after the event ends.</summary>
    public int RetentionDays { get; set; } = 1;

    /// <summary>Enrolments the portal queues (consent or a new photo) are computed in the background; off, they wait for a staff action.</summary>
    public bool EnrolInBackground { get; set; } = true;

    /// <summary>How often the enrolment worker looks for queued enrolments.</summary>
    public TimeSpan EnrolInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The retention purge of templates runs on this server.</summary>
    public bool PurgeInBackground { get; set; } = true;

    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan PurgeFirstCheckAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The most pixels a gate frame may claim before it is decoded (4 megapixels: a 2560 x 1600 camera).</summary>
    public long MaxFramePixels { get; set; } = 4_000_000;

    public IEnumerable<string> Problems()
    {
        if (!double.IsFinite(Threshold) || Threshold < FaceSettingsLimits.MinThreshold || Threshold > FaceSettingsLimits.MaxThreshold)
        {
            yield return $"Summit:Faces: Threshold ({Threshold}) must be between {FaceSettingsLimits.MinThreshold} and {FaceSettingsLimits.MaxThreshold}.";
        }

        if (!double.IsFinite(Margin) || Margin < FaceSettingsLimits.MinMargin || Margin > FaceSettingsLimits.MaxMargin)
        {
            yield return $"Summit:Faces: Margin ({Margin}) must be between {FaceSettingsLimits.MinMargin} and {FaceSettingsLimits.MaxMargin}.";
        }

        if (GalleryIdleLifetime <= TimeSpan.Zero)
        {
            yield return "Summit:Faces: GalleryIdleLifetime must be positive.";
        }

        if (RetentionDays < 0 || RetentionDays > FaceSettingsLimits.MaxRetentionDays)
        {
            yield return $"Summit:Faces: RetentionDays ({RetentionDays}) must be between 0 and {FaceSettingsLimits.MaxRetentionDays}.";
        }

        if (EnrolInterval <= TimeSpan.Zero || PurgeInterval <= TimeSpan.Zero || PurgeFirstCheckAfter < TimeSpan.Zero)
        {
            yield return "Summit:Faces: EnrolInterval and PurgeInterval must be positive, PurgeFirstCheckAfter not negative.";
        }

        if (MaxFramePixels < 100_000)
        {
            yield return "Summit:Faces: MaxFramePixels must be at least 100000.";
        }
    }
}
