using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Summit.Server;
using Summit.Server.Guests;
using Summit.Server.Guests.Import;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;
using static Summit.Tests.Guests.HostileSpreadsheets;

namespace Summit.Tests.Guests;

/// <summary>
/// Import files built to exhaust the server: a cell of a hundred million characters, a zip bomb, a row a million rows down,
/// millions of cells. Each is refused with its reason before the spreadsheet reader holds what the file claims.
/// </summary>
public class HostileImportTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    /// <summary>Far longer than a spreadsheet cell may be, and a few hundred kilobytes once zipped.</summary>
    private const int HugeCell = 100_000_000;

    [Fact]
    public async Task A_hand_built_spreadsheet_within_the_limits_imports()
    {
        var file = Xlsx(w =>
        {
            HeaderRow(w);
            Row(w, 2, Guest());
            Row(w, 3, Guest("Petrova"));
        });
        var preview = await (await ImportAsync(file)).Content.ReadFromJsonAsync<ImportPreview>(Intents.Json);
        Assert.Equal((2, 2), (preview!.Rows, preview.ValidRows));
    }

    [Fact]
    public async Task A_shared_string_longer_than_a_cell_may_hold_is_refused_before_it_is_read()
    {
        // The probe: a 1.5 MB file whose one shared string unpacks to 1.5 billion characters ran the server out of memory.
        var file = Xlsx(w =>
        {
            HeaderRow(w);
            w.Write("""<row r="2"><c r="A2" t="s"><v>0</v></c></row>""");
        }, sharedStrings: w =>
        {
            w.Write("<si><t>");
            Repeat(w, 'A', HugeCell);
            w.Write("</t></si>");
        });
        Assert.True(file.Length < 1024 * 1024);

        var response = await ImportAsync(file);
        await response.AssertProblemAsync(422, GuestErrors.ImportCellTooLong);
        Assert.Contains("32,767", (await response.ProblemAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_inline_cell_longer_than_a_cell_may_hold_is_refused()
    {
        var file = Xlsx(w =>
        {
            HeaderRow(w);
            w.Write("""<row r="2"><c r="A2" t="inlineStr"><is><t>""");
            Repeat(w, 'B', HugeCell);
            w.Write("</t></is></c></row>");
        });
        AssertRefused(file, "guests.xlsx", GuestErrors.ImportCellTooLong);
    }

    [Fact]
    public void A_zip_bomb_is_refused_once_its_unpacked_size_passes_the_limit()
    {
        // Whitespace between rows is legal XML, and 300 MB of it packs into a few hundred kilobytes.
        var file = Xlsx(w =>
        {
            HeaderRow(w);
            Repeat(w, ' ', 300L * 1024 * 1024);
            Row(w, 2, Guest());
        });
        Assert.True(file.Length < GuestImportApi.MaxUploadBytes / 10);
        AssertRefused(file, "guests.xlsx", GuestErrors.ImportUnpackedTooLarge);
    }

    [Fact]
    public void A_bomb_in_a_part_the_reader_would_skip_is_refused_too()
    {
        var file = Xlsx(w =>
        {
            HeaderRow(w);
            Row(w, 2, Guest());
        }, extraParts: [("xl/media/image1.png", stream =>
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 300; i++)
            {
                stream.Write(zeros);
            }
        })]);
        AssertRefused(file, "guests.xlsx", GuestErrors.ImportUnpackedTooLarge);
    }

    [Fact]
    public void A_row_a_million_rows_down_is_refused_without_reading_the_gap()
    {
        // The reader fills the rows a sheet skips: one cell in the last row of a spreadsheet made a million empty rows.
        var file = Xlsx(w =>
        {
            HeaderRow(w);
            Row(w, 2, Guest());
            Row(w, 1_048_576, Guest());
        }, dimension: "A1:XFD1048576");
        var refused = AssertRefused(file, "guests.xlsx", GuestErrors.ImportTooLarge);
        Assert.Equal(GuestFileFormat.MaxRows, Assert.Single(refused.Error.Args));
    }

    [Fact]
    public void A_cell_in_the_last_column_of_a_spreadsheet_is_refused()
    {
        var file = Xlsx(w =>
        {
            HeaderRow(w);
            w.Write("""<row r="2"><c r="XFD2" t="inlineStr"><is><t>far away</t></is></c></row>""");
        });
        AssertRefused(file, "guests.xlsx", GuestErrors.ImportTooManyColumns);
    }

    [Fact]
    public void Millions_of_cells_are_refused_once_they_pass_the_limit()
    {
        // Empty cells without a reference: each is a few bytes, and each became an entry in the reader's row.
        var file = Xlsx(w =>
        {
            HeaderRow(w);
            for (var row = 2; row < 2 + (GuestFileFormat.MaxCells / 50) + 1; row++)
            {
                w.Write("<row>");
                for (var cell = 0; cell < 50; cell++)
                {
                    w.Write("<c/>");
                }

                w.Write("</row>");
            }
        });
        AssertRefused(file, "guests.xlsx", GuestErrors.ImportTooManyCells);
    }

    [Fact]
    public void Shared_strings_beyond_the_limit_are_refused()
    {
        var file = Xlsx(w => HeaderRow(w), sharedStrings: w =>
        {
            for (var i = 0; i <= GuestFileFormat.MaxCells; i++)
            {
                w.Write("<si><t>x</t></si>");
            }
        });
        AssertRefused(file, "guests.xlsx", GuestErrors.ImportTooManyCells);
    }

    [Fact]
    public void A_document_type_declaration_is_refused()
    {
        // Entity expansion ("billion laughs") needs a DTD: none is read.
        var file = Xlsx(w =>
        {
            HeaderRow(w);
            Row(w, 2, Guest());
        }, extraParts: [("xl/custom.xml", stream => stream.Write(Encoding.UTF8.GetBytes(
            """<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><r>&lol2;</r>""")))]);
        AssertRefused(file, "guests.xlsx", GuestErrors.ImportFormat);
    }

    [Fact]
    public void A_csv_cell_longer_than_a_spreadsheet_cell_is_refused()
    {
        var csv = new StringBuilder(string.Join(",", GuestFileFormat.Columns)).Append("\r\n");
        csv.Append('"').Append('C', GuestFileFormat.MaxCellLength + 1).Append("\",Anna,,,,,MSU,University,,RU,,a@example.org,,,,Delegate,\r\n");
        AssertRefused(Encoding.UTF8.GetBytes(csv.ToString()), "guests.csv", GuestErrors.ImportCellTooLong);
    }

    [Fact]
    public void A_csv_line_of_endless_columns_is_refused()
    {
        var csv = string.Join(",", GuestFileFormat.Columns) + "\r\n" + new string(',', 1_000_000) + "\r\n";
        AssertRefused(Encoding.UTF8.GetBytes(csv), "guests.csv", GuestErrors.ImportTooManyColumns);
    }

    [Fact]
    public void A_csv_with_more_rows_than_allowed_is_refused_while_it_is_read()
    {
        var csv = new StringBuilder(string.Join(",", GuestFileFormat.Columns)).Append("\r\n");
        for (var i = 0; i <= GuestFileFormat.MaxRows; i++)
        {
            csv.Append("x\r\n");
        }

        var refused = AssertRefused(Encoding.UTF8.GetBytes(csv.ToString()), "guests.csv", GuestErrors.ImportTooLarge);
        Assert.Equal(GuestFileFormat.MaxRows, Assert.Single(refused.Error.Args));
    }

    private static SummitException AssertRefused(byte[] file, string fileName, string code)
    {
        using var stream = new MemoryStream(file);
        var refused = Assert.Throws<SummitException>(() => GuestFileFormat.Read(stream, fileName));
        Assert.Equal(code, refused.Error.Code);
        return refused;
    }

    private async Task<HttpResponseMessage> ImportAsync(byte[] content)
    {
        using var client = await app.ClientForAsync(Roles.Secretariat);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var form = new MultipartFormDataContent { { file, "file", "guests.xlsx" } };
        return await client.PostAsync("/api/v1/guests/import", form);
    }
}
