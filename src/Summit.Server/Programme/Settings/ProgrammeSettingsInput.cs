namespace Summit.Server.Programme.Settings;

/// <summary>
/// The event's programme settings, all at once: the shortest changeover in a room, the travel minutes between venues when no pair is given,
/// the languages every session must be heard in, the rules whose severity departs from the default (a rule left out has its default) and
/// the travel minutes of venue pairs, and the venues' stock item that is an interpretation kit (null: kits are not judged).
/// </summary>
public sealed record ProgrammeSettingsInput(
    int BufferMinutes,
    int DefaultTravelMinutes,
    IReadOnlyList<string>? RequiredLanguages = null,
    IReadOnlyList<RuleSeverityInput>? Rules = null,
    IReadOnlyList<TravelTimeInput>? TravelTimes = null,
    Guid? InterpretationKitId = null);
