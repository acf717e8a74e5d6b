using Summit.Server.Programme.Rules;

namespace Summit.Server.Programme.Settings;

/// <summary>The severity an event gives a rule.</summary>
public sealed record RuleSeverityInput(ConflictRule Rule, RuleSeverity Severity);
