namespace Summit.Server.Programme.Settings;

public sealed record ProgrammeSettingsView(
    int BufferMinutes,
    int DefaultTravelMinutes,
    IReadOnlyList<string> RequiredLanguages,
    IReadOnlyList<RuleSeverityView> Rules,
    IReadOnlyList<TravelTimeView> TravelTimes,
    Guid? InterpretationKitId = null);
