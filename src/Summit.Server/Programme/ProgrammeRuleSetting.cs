using Summit.Server.Programme.Rules;

namespace Summit.Server.Programme;

/// <summary>The severity an event gives one conflict rule, where it departs from <see cref="ProgrammeRules.DefaultSeverity"/>.</summary>
public sealed class ProgrammeRuleSetting
{
    public Guid EventId { get; set; }
    public ConflictRule Rule { get; set; }
    public RuleSeverity Severity { get; set; }
}
