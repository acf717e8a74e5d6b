using System.Text;
using Summit.Server;
using Summit.Server.Guests;
using Summit.Server.Guests.Import;
using Summit.Server.Infrastructure;

namespace Summit.Tests.Infrastructure;

public class CsvTests
{
    [Fact]
    public void Plain_rows_split_on_commas_and_line_breaks()
    {
        var rows = Csv.Parse("a,b,c\r\n1,2,3\n4,5,6");
        Assert.Equal([["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"]], rows);
    }

    [Fact]
    public void A_final_line_break_adds_no_empty_row() => Assert.Single(Csv.Parse("a,b\r\n"));

    [Fact]
    public void Empty_fields_are_kept_including_the_last()
    {
        var rows = Csv.Parse("a,,c,\r\n");
        Assert.Equal(["a", "", "c", ""], rows.Single());
    }

    [Fact]
    public void Quoted_fields_keep_delimiters()
    {
        var rows = Csv.Parse("name,organisation\r\n\"Li, Wei\",\"Zhejiang University, Hangzhou\"");
        Assert.Equal(["Li, Wei", "Zhejiang University, Hangzhou"], rows[1]);
    }

    [Fact]
    public void Doubled_quotes_inside_quotes_are_one_quote()
    {
        var rows = Csv.Parse("title\r\n\"The \"\"Internet\"\" Summit\"\r\n\"\"\"\"");
        Assert.Equal("The \"Internet\" Summit", rows[1][0]);
        Assert.Equal("\"", rows[2][0]);
    }

    [Fact]
    public void Line_breaks_inside_quotes_belong_to_the_field()
    {
        var rows = Csv.Parse("a,b\r\n\"line 1\r\nline 2\nline 3\",x\r\nnext,row");
        Assert.Equal(3, rows.Count);
        Assert.Equal(["line 1\r\nline 2\nline 3", "x"], rows[1]);
        Assert.Equal(["next", "row"], rows[2]);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_a_plain_character()
    {
        var rows = Csv.Parse("a,b\r\n5\" screen,x");
        Assert.Equal("5\" screen", rows[1][0]);
    }

    [Fact]
    public void Semicolons_are_the_delimiter_when_the_header_uses_them()
    {
        // As spreadsheet programs in many European locales write CSV; commas in the data stay in their fields.
        var rows = Csv.Parse("family_name;organisation;country\r\nMüller;Acme, Inc.;DE\r\n\"Dupont; Jean\";ACME;FR");
        Assert.Equal(["Müller", "Acme, Inc.", "DE"], rows[1]);
        Assert.Equal(["Dupont; Jean", "ACME", "FR"], rows[2]);
    }

    [Fact]
    public void Tabs_are_the_delimiter_when_the_header_uses_them()
    {
        var rows = Csv.Parse("family_name\torganisation\tcountry\r\n王\t浙江大学, 杭州\tCN");
        Assert.Equal(["王", "浙江大学, 杭州", "CN"], rows[1]);
    }

    [Theory]
    [InlineData("a,b\r\n\"never closed,x")]
    [InlineData("\"")]
    [InlineData("a\r\n\"open\"\"")]
    public void An_unterminated_quote_is_a_format_error(string text) => Assert.Throws<FormatException>(() => Csv.Parse(text));

    [Fact]
    public void An_unterminated_quote_in_a_file_is_reported_as_an_import_format_problem()
    {
        using var file = new MemoryStream(Encoding.UTF8.GetBytes(Header + "\r\n\"Wang,Tech,Company,CN,w@example.org,VIP\r\n"));
        var ex = Assert.Throws<SummitException>(() => GuestFileFormat.Read(file, "guests.csv"));
        Assert.Equal(GuestErrors.ImportFormat, ex.Error.Code);
    }

    [Fact]
    public void A_byte_order_mark_does_not_hide_the_first_column()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Header + "\r\n王,浙江大学,University,CN,wang@example.org,VIP\r\n")];
        using var file = new MemoryStream(bytes);
        var row = Assert.Single(GuestFileFormat.Read(file, "guests.csv"));
        Assert.Equal("王", row["family_name"]);
        Assert.Equal("VIP", row["category"]);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "\"'=HYPERLINK(\"\"http://evil\"\")\"")]
    [InlineData("+86 571 1234", "'+86 571 1234")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("=1,2", "\"'=1,2\"")]
    public void Values_that_a_spreadsheet_would_run_as_formulas_are_neutralised(string value, string written) =>
        Assert.Equal(written, Csv.Escape(value));

    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain", "plain")]
    [InlineData("a=b", "a=b")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("a;b", "\"a;b\"")]
    [InlineData("a\tb", "\"a\tb\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Values_are_quoted_only_when_needed(string? value, string written) => Assert.Equal(written, Csv.Escape(value));

    [Fact]
    public void Written_rows_read_back_unchanged()
    {
        string?[] values = ["Müller, Hans", "say \"hi\"", "line 1\r\nline 2", "a;b\tc", "王伟", null, "مرحبا"];
        var output = new StringBuilder();
        Csv.WriteRow(output, ["one", "two", "three", "four", "five", "six", "seven"]);
        Csv.WriteRow(output, values);
        Assert.EndsWith("\r\n", output.ToString(), StringComparison.Ordinal);

        var rows = Csv.Parse(output.ToString());
        Assert.Equal(2, rows.Count);
        Assert.Equal(values.Select(v => v ?? ""), rows[1]);
    }

    private const string Header = "family_name,organisation,organisation_type,country,email,category";

    [Theory]
    [InlineData("+86 571 8888 0000")]
    [InlineData("=SUM(A1)")]
    [InlineData("-5")]
    [InlineData("@home")]
    [InlineData("'quoted")]
    public void Formula_guard_round_trips(string value) => Assert.Equal(value, Csv.Unescape(Csv.Parse(Csv.Escape(value))[0][0]));
}
