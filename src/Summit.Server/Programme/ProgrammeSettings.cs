namespace Summit.Server.Programme;

/// <summary>
/// The event's programme settings: the shortest changeover between two sessions of a room, the travel minutes between two venues when no
/// pair is given, and the languages every session must be heard in. One row per event; an event without one has the defaults.
/// </summary>
public sealed class ProgrammeSettings
{
    public const int DefaultBufferMinutes = 10;
    public const int DefaultTravel = 30;
    public const string DefaultLanguages = "en,zh-Hans";

    public Guid EventId { get; set; }
    public int BufferMinutes { get; set; } = DefaultBufferMinutes;
    public int DefaultTravelMinutes { get; set; } = DefaultTravel;

    /// <summary>Comma-separated language codes every session is given in or interpreted into.</summary>
    public string RequiredLanguages { get; set; } = DefaultLanguages;

    /// <summary>The venues' stock item that is an interpretation kit: a session with interpretation channels must state some (null: not judged).</summary>
    public Guid? InterpretationKitId { get; set; }
    public List<ProgrammeRuleSetting> Rules { get; set; } = [];
    public List<VenueTravelTime> TravelTimes { get; set; } = [];
}
