namespace Summit.Server.Demo.Live;

public enum DemoBeatKind
{
    /// <summary>A credential held to the reader of a gate.</summary>
    Scan,

    /// <summary>A body-temperature reading from the infrared sensor at a gate.</summary>
    Reading,

    /// <summary>The sensor stops sending (a broken camera): no reading from it after this beat.</summary>
    SensorBreaks,
}
