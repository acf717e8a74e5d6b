namespace Summit.Server.Screening.Contracts;

/// <summary>Which kind of screening record a figure counts.</summary>
public enum ScreeningRecordKind
{
    Readings = 0,

    /// <summary>Readings above the threshold.</summary>
    Fevers = 1,

    /// <summary>The refusal counters (per sensor, reason and minute).</summary>
    Refusals = 2,

    Holds = 3,
    Silences = 4,
}
