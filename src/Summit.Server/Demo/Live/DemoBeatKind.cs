namespace Summit.Server.Demo.Live;

public enum DemoBeatKind
{
    /// <summary>A credential held to the reader of a gate (with the lane camera's frame when the beat names a face).</summary>
    Scan,

    /// <summary>A body-temperature reading from the infrared sensor at a gate.</summary>
    Reading,

    /// <summary>The sensor stops sending (a broken camera): no reading from it after this beat.</summary>
    SensorBreaks,

    /// <summary>The gate operator reports the badge the face check refused (a security incident at the gate).</summary>
    LentBadgeReported,

    /// <summary>A security officer resolves that incident, saying how the person got in.</summary>
    LentBadgeResolved,
}
