namespace Summit.BrowserTests;

/// <summary>The checker of the Chinese page walk catches English, and lets data, codes and addresses pass.</summary>
public class EnglishTextTests
{
    private static readonly HashSet<string> Data = ["Ivanova", "Anna", "Moscow", "State", "University"];

    [Fact]
    public void A_planted_English_label_is_caught()
    {
        Assert.Equal(["Category", "Speaker"], EnglishText.Find("嘉宾 Category：Speaker · 状态：已批准", Data));
    }

    [Fact]
    public void Data_codes_addresses_and_numbers_pass()
    {
        var page = "Ivanova Anna · Moscow State University · VIP · 闸机 N1 · FORUM-D · 分论坛A厅 · anna@example.org · https://summit.local/x · 2,000 · 166% · "
            + "Summit · MQTT · 2026-12-03 21:26 (Asia/Shanghai) · Summit:Screening:ThresholdCelsius · sgd_pjGJdo · sgd_-ofhdW";
        Assert.Empty(EnglishText.Find(page, Data));
    }

    [Fact]
    public void A_word_of_data_passes_only_as_data()
    {
        Assert.Equal(["University"], EnglishText.Find("大学 University", new HashSet<string>()));
        Assert.Equal(["Moscow", "State", "University"], EnglishText.WordsOf("Moscow State University"));
    }
}
