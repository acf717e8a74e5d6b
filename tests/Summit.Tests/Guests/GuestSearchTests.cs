using Summit.Server.Guests.Domain;

namespace Summit.Tests.Guests;

public class GuestSearchTests
{
    private static readonly Guest Guest = new()
    {
        FamilyName = "欧阳",
        GivenName = "思远",
        FamilyNameLatin = "Ouyang",
        GivenNameLatin = "Siyuan",
        Organisation = "浙江大学 Zhejiang University",
        Email = "Siyuan.Ouyang@zju.edu.cn",
    };

    [Theory]
    [InlineData("欧阳")]
    [InlineData("思远")]
    [InlineData("欧阳思远")]
    [InlineData("阳思")]
    [InlineData("大学")]
    [InlineData("ouyang")]
    [InlineData("OUY")]
    [InlineData("ouyangsiyuan")]
    [InlineData("zhejiang")]
    [InlineData("univ")]
    [InlineData("siyuan.ouyang@zju.edu.cn")]
    [InlineData("zju.edu.cn")]
    [InlineData("ouyang siyuan")]
    public void A_search_finds_the_guest_by_any_form(string search) =>
        Assert.True(Matches(search), $"\"{search}\" should find the guest");

    [Theory]
    [InlineData("yang")]
    [InlineData("wang")]
    [InlineData("ouyang li")]
    [InlineData("清华")]
    public void A_search_does_not_find_others(string search) =>
        Assert.False(Matches(search), $"\"{search}\" should not find the guest");

    [Fact]
    public void Hyphenated_and_apostrophe_names_are_found_whole_and_in_parts()
    {
        var terms = GuestSearch.TermsOf(new Guest { FamilyName = "Al-Hassan", FamilyNameLatin = "O'Brien", Email = "x@y.z" });
        Assert.Contains("al-hassan", terms);
        Assert.Contains("hassan", terms);
        Assert.Contains("o'brien", terms);
        Assert.Contains("brien", terms);
    }

    [Fact]
    public void A_prefix_range_holds_every_term_that_begins_with_the_word()
    {
        var (from, before) = GuestSearch.RangeOf("wang");
        foreach (var term in new[] { "wang", "wangxiaoming", "wang😀", "wang\uffff" })
        {
            Assert.True(Utf8Compare(term, from) >= 0 && Utf8Compare(term, before) < 0, term);
        }

        Assert.True(Utf8Compare("wanh", before) > 0);
    }

    /// <summary>Byte order of UTF-8, as SQLite and PostgreSQL's "C" collation compare the stored terms.</summary>
    private static int Utf8Compare(string a, string b) =>
        System.Text.Encoding.UTF8.GetBytes(a).AsSpan().SequenceCompareTo(System.Text.Encoding.UTF8.GetBytes(b));

    private static bool Matches(string search)
    {
        var terms = GuestSearch.TermsOf(Guest);
        return GuestSearch.WordsOf(search).All(word => terms.Any(t => t.StartsWith(word, StringComparison.Ordinal)));
    }
}
