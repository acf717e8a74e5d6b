using System.Globalization;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Tests.Infrastructure;

/// <summary>"A sensor silent for 0.75 minutes" read oddly: a duration is said in whole seconds, minutes and hours, in both languages.</summary>
public sealed class DurationTests
{
    private static readonly Localizer Localizer = new();

    [Theory]
    [InlineData(45, "45 s", "45 秒")]
    [InlineData(0.4, "0 s", "0 秒")]
    [InlineData(120, "2 min", "2 分钟")]
    [InlineData(90, "1 min 30 s", "1 分 30 秒")]
    [InlineData(3600, "1 h", "1 小时")]
    [InlineData(4530, "1 h 15 min", "1 小时 15 分")]
    public void A_duration_is_said_in_whole_units(double seconds, string english, string chinese)
    {
        var span = TimeSpan.FromSeconds(seconds);
        Assert.Equal(english, Localizer.Duration(CultureInfo.GetCultureInfo("en"), span));
        Assert.Equal(chinese, Localizer.Duration(CultureInfo.GetCultureInfo("zh-Hans"), span));
    }

    [Fact]
    public void The_screening_page_says_how_long_a_sensor_may_be_silent_without_a_fraction_of_a_minute()
    {
        var culture = CultureInfo.GetCultureInfo("en");
        var intro = Localizer.Format(culture, "screening.holds.intro", ["37.3 °C", Localizer.Duration(culture, TimeSpan.FromSeconds(45))]);
        Assert.EndsWith("A sensor silent for 45 s raises an equipment incident.", intro, StringComparison.Ordinal);
    }
}
