using Summit.Access.Core;

namespace Summit.GateAgent.Tests;

public sealed class TextTests
{
    [Fact]
    public void Every_reason_and_every_closure_has_its_own_text_in_both_languages()
    {
        var reasons = Enum.GetValues<ReasonCode>().Select(AgentTexts.For).ToList();
        var closures = Enum.GetValues<ClosureCause>().Select(AgentTexts.For).ToList();

        foreach (var text in reasons.Concat(closures))
        {
            Assert.False(string.IsNullOrWhiteSpace(text.En));
            Assert.Contains(text.Zh, c => c >= '\u4e00' && c <= '\u9fff');
        }
        Assert.Equal(reasons.Count, reasons.Select(t => t.En).Distinct().Count());
        Assert.Equal(reasons.Count, reasons.Select(t => t.Zh).Distinct().Count());
        Assert.Equal(closures.Count, closures.Select(t => t.Zh).Distinct().Count());
        Assert.DoesNotContain(reasons.Concat(closures), t => t.En.Contains('(', StringComparison.Ordinal));
    }
}
