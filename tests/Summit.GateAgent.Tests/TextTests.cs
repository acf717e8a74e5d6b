using Summit.Access.Core;

namespace Summit.GateAgent.Tests;

public sealed class TextTests
{
    [Fact]
    public void Every_reason_and_every_closure_has_its_own_text_in_both_languages()
    {
        var reasons = Enum.GetValues<ReasonCode>().Select(Verdict).ToList();
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

    [Fact]
    public void The_agent_says_of_a_verdict_what_the_shared_catalog_says()
    {
        foreach (var reason in Enum.GetValues<ReasonCode>())
        {
            var shared = GateVerdictTexts.For(reason);
            Assert.Equal(new BilingualText(shared.En, shared.Zh), Verdict(reason));
        }
    }

    private static BilingualText Verdict(ReasonCode reason) =>
        new GateVerdict(Guid.NewGuid(), reason, GateDirection.Entry, DateTimeOffset.UnixEpoch, null, null, null, null).Message;
}
