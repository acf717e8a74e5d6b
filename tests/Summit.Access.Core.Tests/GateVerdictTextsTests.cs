namespace Summit.Access.Core.Tests;

public sealed class GateVerdictTextsTests
{
    [Fact]
    public void Every_reason_code_has_its_own_text_in_both_languages()
    {
        var texts = Enum.GetValues<ReasonCode>().Select(GateVerdictTexts.For).ToList();

        foreach (var text in texts)
        {
            Assert.False(string.IsNullOrWhiteSpace(text.En));
            Assert.Contains(text.Zh, c => c >= '\u4e00' && c <= '\u9fff');
            // The numbered refusal is only for numbers this build does not know.
            Assert.DoesNotContain('(', text.En);
            Assert.DoesNotContain('（', text.Zh);
        }
        Assert.Equal(texts.Count, texts.Select(t => t.En).Distinct().Count());
        Assert.Equal(texts.Count, texts.Select(t => t.Zh).Distinct().Count());
    }

    [Fact]
    public void A_reason_from_a_newer_build_reads_as_a_numbered_refusal()
    {
        var text = GateVerdictTexts.For((ReasonCode)99);

        Assert.Equal(("Refused (99)", "拒绝通行（99）"), (text.En, text.Zh));
    }

    [Theory]
    [InlineData("en", "Already inside: exit first")]
    [InlineData("zh-Hans", "已在区域内：请先出场")]
    [InlineData("zh-CN", "已在区域内：请先出场")]
    [InlineData("fr", "Already inside: exit first")]
    public void A_text_is_read_in_a_language(string language, string expected) =>
        Assert.Equal(expected, GateVerdictTexts.For(ReasonCode.AlreadyInside).In(language));
}
