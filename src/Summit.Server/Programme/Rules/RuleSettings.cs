namespace Summit.Server.Programme.Rules;

/// <summary>
/// An event's rule settings: each rule's severity (a rule not listed has its default), the shortest changeover between sessions of a room,
/// the travel minutes between two venues (either order; a pair not listed takes <see cref="DefaultTravelMinutes"/>), the languages
/// every session must be heard in, and the venues' stock item that is an interpretation kit (null: whether kits are stated is not judged).
/// </summary>
public sealed record RuleSettings(
    IReadOnlyDictionary<ConflictRule, RuleSeverity> Severities,
    int BufferMinutes,
    int DefaultTravelMinutes,
    IReadOnlyDictionary<(Guid, Guid), int> TravelMinutes,
    IReadOnlyList<string> RequiredLanguages,
    Guid? InterpretationKitId = null)
{
    public static RuleSettings Defaults { get; } = new(new Dictionary<ConflictRule, RuleSeverity>(), ProgrammeSettings.DefaultBufferMinutes,
        ProgrammeSettings.DefaultTravel, new Dictionary<(Guid, Guid), int>(), ProgrammeSettings.DefaultLanguages.Split(','));

    public RuleSeverity SeverityOf(ConflictRule rule) => Severities.TryGetValue(rule, out var severity) ? severity : ProgrammeRules.DefaultSeverity(rule);

    public int TravelBetween(Guid a, Guid b) =>
        a == b ? 0 : TravelMinutes.TryGetValue((a, b), out var m) || TravelMinutes.TryGetValue((b, a), out m) ? m : DefaultTravelMinutes;
}
