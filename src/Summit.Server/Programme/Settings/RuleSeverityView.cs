using Summit.Server.Programme.Rules;

namespace Summit.Server.Programme.Settings;

/// <summary>A rule's severity for the event and the default it departs from (or keeps).</summary>
public sealed record RuleSeverityView(ConflictRule Rule, RuleSeverity Severity, RuleSeverity Default);
