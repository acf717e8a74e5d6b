using Summit.Server.Guests.Contracts;

namespace Summit.Tests.Guests;

public sealed class CategoryLabelTests
{
    [Theory]
    [InlineData("VIP", "VIP", "贵宾", "en", "VIP")]
    [InlineData("VIP", "VIP", "贵宾", "zh-Hans", "VIP · 贵宾")]
    [InlineData("Speaker", "Speaker", "演讲嘉宾", "en", "Speaker")]
    [InlineData("vip", "VIP", "贵宾", "en", "VIP")]
    [InlineData("MED", "Media", "媒体", "en", "MED · Media")]
    public void A_category_whose_name_is_its_code_is_shown_once(string code, string nameEn, string nameZh, string language, string label)
    {
        var category = new CategoryCard(Guid.NewGuid(), code, nameEn, nameZh, "#c62828", 0);
        Assert.Equal(label, category.Label(language));
    }
}
