using Summit.Server.Guests.Contracts;

namespace Summit.Tests.Guests;

public class CountriesTests
{
    [Fact]
    public void The_list_holds_every_iso_3166_entry_once()
    {
        Assert.Equal(249, Countries.All.Count);
        Assert.All(Countries.All, c =>
        {
            Assert.Matches("^[A-Z]{2}$", c.Code);
            Assert.False(string.IsNullOrWhiteSpace(c.NameEn));
            Assert.False(string.IsNullOrWhiteSpace(c.NameZh));
        });
        Assert.Equal(249, Countries.All.Select(c => c.Code).Distinct().Count());
    }

    [Theory]
    [InlineData("CN", "China", "中国")]
    [InlineData("KZ", "Kazakhstan", "哈萨克斯坦")]
    [InlineData("DE", "Germany", "德国")]
    public void A_country_has_its_english_and_chinese_name(string code, string english, string chinese)
    {
        var country = Countries.Find(code)!;
        Assert.Equal((english, chinese), (country.NameEn, country.NameZh));
        Assert.Equal(chinese, Countries.NameOf(code, "zh-Hans"));
        Assert.Equal(english, Countries.NameOf(code, "en"));
    }

    [Theory]
    [InlineData("cn")]
    [InlineData(" CN ")]
    [InlineData("China")]
    [InlineData("china")]
    [InlineData("中国")]
    public void A_country_is_found_by_code_or_name(string typed) => Assert.Equal("CN", Countries.Find(typed)?.Code);

    [Theory]
    [InlineData("Atlantis")]
    [InlineData("C")]
    [InlineData("")]
    [InlineData(null)]
    public void An_unknown_country_is_not_found(string? typed) => Assert.Null(Countries.Find(typed));

    [Fact]
    public void An_unknown_code_is_shown_as_typed() => Assert.Equal("XX", Countries.NameOf("XX", "zh-Hans"));
}
