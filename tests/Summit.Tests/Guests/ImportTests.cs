using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Summit.Server;
using Summit.Server.Guests;
using Summit.Server.Guests.Import;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Guests;

/// <summary>Bulk import through the API: every malformed file and row gets its reason, and a commit is all or nothing.</summary>
public class ImportTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    /// <summary>Names in many scripts, with the characters that trouble CSV writers and Unicode normalizers.</summary>
    private static readonly (string Family, string Given, string? FamilyLatin, string? GivenLatin)[] WorldNames =
    [
        ("欧阳", "娜娜", "Ouyang", "Nana"),
        ("عبد الله", "محمد", "Abdullah", "Mohammed"),
        ("Достоевский", "Фёдор", "Dostoevsky", "Fyodor"),
        ("Müller-Lüdenscheidt", "Zoë Ångström", null, null),
        ("Nguyễn", "Thị Minh Khai", null, null),
        ("Jose\u0301", "Nun\u0303ez", null, null),
        ("Smith 😀", "👩‍💻 Ada", null, null),
        ("O'Brien, \"Jr\"", "Seán\nPádraig", null, null),
    ];

    public static TheoryData<string, string, string> UnreadableFiles => new()
    {
        { "empty", "guests.csv", GuestErrors.ImportEmpty },
        { "header-only", "guests.csv", GuestErrors.ImportEmpty },
        { "missing-columns", "guests.csv", GuestErrors.ImportMissingColumns },
        { "binary-garbage", "guests.csv", GuestErrors.ImportFormat },
        { "not-a-zip", "guests.xlsx", GuestErrors.ImportFormat },
        { "latin-1", "guests.csv", GuestErrors.ImportFormat },
        { "unterminated-quote", "guests.csv", GuestErrors.ImportFormat },
    };

    [Theory]
    [MemberData(nameof(UnreadableFiles))]
    public async Task An_unreadable_file_is_refused_with_its_reason_and_writes_nothing(string kind, string fileName, string code)
    {
        var content = kind switch
        {
            "empty" => [],
            "header-only" => Encoding.UTF8.GetBytes(string.Join(",", GuestFileFormat.Columns) + "\r\n"),
            "missing-columns" => Encoding.UTF8.GetBytes("family_name,given_name,email\r\nIvanova,Anna,anna@example.org\r\n"),
            // Deterministic noise: invalid UTF-8 from the first byte, and no zip signature.
            "binary-garbage" => [.. Enumerable.Range(0, 4096).Select(i => (byte)(0xFF - (i * 37 % 256)))],
            "not-a-zip" => CsvFile([Row()]),
            "latin-1" => Encoding.Latin1.GetBytes(string.Join(",", GuestFileFormat.Columns) + "\r\nMüller,Jörg,,,,,Universität Wien,University,,AT,,jorg@example.org,,,,Delegate,\r\n"),
            "unterminated-quote" => Encoding.UTF8.GetBytes(string.Join(",", GuestFileFormat.Columns) + "\r\n\"Ivanova,Anna,,,,,MSU,University,,RU,,anna@example.org,,,,Delegate,\r\n"),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var before = await CountGuestsAsync();
        await (await ImportAsync(content, fileName, commit: false)).AssertProblemAsync(422, code);
        await (await ImportAsync(content, fileName, commit: true)).AssertProblemAsync(422, code);
        Assert.Equal(before, await CountGuestsAsync());
    }

    [Fact]
    public async Task Missing_columns_are_named()
    {
        var response = await ImportAsync(Encoding.UTF8.GetBytes("family_name,given_name,email\r\nIvanova,Anna,anna@example.org\r\n"), "guests.csv", commit: false);
        var title = (await response.ProblemAsync()).GetProperty("title").GetString()!;
        Assert.Contains("Organisation / 单位, Organisation type / 单位类型, Country / 国家或地区, Category / 类别", title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bilingual_headers_of_the_template_and_the_old_snake_case_ones_both_import()
    {
        var bilingual = Row();
        var snakeCase = Row();
        Assert.True((await ReadPreviewAsync(await ImportAsync(CsvFile([bilingual], GuestFileFormat.Header), "bilingual.csv", commit: true))).Committed);
        Assert.True((await ReadPreviewAsync(await ImportAsync(CsvFile([snakeCase], c => c), "old.csv", commit: true))).Committed);
        Assert.Equal("Moscow State University", (await FindByEmailAsync(bilingual["email"])).Organisation);
        Assert.Equal("Moscow State University", (await FindByEmailAsync(snakeCase["email"])).Organisation);
    }

    [Theory]
    [InlineData("en", "These columns are not part of the guest file format: Emial, Hobby.")]
    [InlineData("zh-Hans", "以下列不属于嘉宾文件格式：Emial, Hobby。")]
    public async Task An_unknown_header_is_refused_with_its_name_in_the_readers_language(string language, string expected)
    {
        var header = string.Join(",", GuestFileFormat.Headers(GuestFileFormat.Columns)) + ",Emial,Hobby";
        using var client = await app.ClientForAsync(Roles.Secretariat);
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue(language));
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(header + "\r\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { file, "file", "guests.csv" } };
        var response = await client.PostAsync("/api/v1/guests/import?commit=false", form);
        await response.AssertProblemAsync(422, GuestErrors.ImportUnknownColumns);
        Assert.StartsWith(expected, (await response.ProblemAsync()).GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_lists_every_problem_with_its_row_and_a_commit_then_writes_nothing()
    {
        var existing = await app.CreateGuestAsync(Intents.NewGuestInput(passport: "X 99-" + Random.Shared.Next(100_000, 999_999)));
        var existingPassport = await app.InScopeAsync(async sp =>
        {
            var stored = await sp.GetRequiredService<SummitDbContext>().Guests.SingleAsync(g => g.Id == existing.Id);
            return sp.GetRequiredService<Summit.Server.Infrastructure.Security.FieldProtector>().UnprotectString(stored.PassportNumberEncrypted!);
        });
        var clean = Row();
        var rows = new List<Dictionary<string, string>>
        {
            clean,                                                                       // row 2
            Row(r => r["organisation"] = ""),                                            // row 3
            Row(r => r["email"] = "not-an-email"),                                       // row 4
            Row(r => r["country"] = "Atlantis"),                                         // row 5
            Row(r => r["category"] = "Royalty"),                                         // row 6
            Row(r => r["organisation_type"] = "Guild"),                                  // row 7
            Row(r => r["email"] = existing.Email.ToUpperInvariant()),                    // row 8
            Row(r => r["passport"] = string.Join(" ", existingPassport.ToLowerInvariant().ToCharArray())), // row 9
            Row(r => r["email"] = clean["email"]),                                       // row 10
            Row(r => r["passport"] = "-" + clean["passport"].ToLowerInvariant() + " "),  // row 11
        };
        var file = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(CsvFile(rows)) + "Short,Row\r\n"); // row 12: most fields missing

        var before = await CountGuestsAsync();
        var preview = await ReadPreviewAsync(await ImportAsync(file, "guests.csv", commit: false));
        Assert.Equal(11, preview.Rows);
        Assert.Equal(1, preview.ValidRows);
        Assert.False(preview.Committed);
        Assert.All(preview.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        var expected = new Dictionary<int, (string Field, string Code)>
        {
            [3] = ("organisation", ErrorCodes.FieldRequired),
            [4] = ("email", GuestErrors.EmailInvalid),
            [5] = ("country", GuestErrors.CountryUnknown),
            [6] = ("category", GuestErrors.CategoryUnknown),
            [7] = ("organisationType", GuestErrors.OrganisationTypeUnknown),
            [8] = ("email", GuestErrors.GuestEmailDuplicate),
            [9] = ("passportNumber", GuestErrors.GuestPassportDuplicate),
            [10] = ("email", GuestErrors.ImportDuplicateInFile),
            [11] = ("passportNumber", GuestErrors.ImportDuplicateInFile),
        };
        foreach (var (row, (field, code)) in expected)
        {
            var problem = Assert.Single(preview.Problems, p => p.Row == row);
            Assert.Equal((field, code), (problem.Field, problem.Code));
        }

        Assert.DoesNotContain(preview.Problems, p => p.Row == 2);
        Assert.Contains("2", preview.Problems.Single(p => p.Row == 10).Message, StringComparison.Ordinal);
        var shortRow = preview.Problems.Where(p => p.Row == 12).Select(p => (p.Field, p.Code)).ToHashSet();
        Assert.Superset(shortRow, new HashSet<(string, string)>
        {
            ("organisation", ErrorCodes.FieldRequired), ("organisationType", ErrorCodes.FieldRequired), ("country", ErrorCodes.FieldRequired),
            ("email", ErrorCodes.FieldRequired), ("category", ErrorCodes.FieldRequired),
        });
        Assert.Equal(before, await CountGuestsAsync());

        var commit = await ImportAsync(file, "guests.csv", commit: true);
        await commit.AssertProblemAsync(422, GuestErrors.ImportHasProblems);
        var details = (await commit.ProblemAsync()).GetProperty("details");
        Assert.Equal(preview.Problems.Count, details.GetProperty("problems").GetArrayLength());
        Assert.Equal(before, await CountGuestsAsync());
        Assert.False(await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Guests.AnyAsync(g => g.EmailNormalized == clean["email"])));
    }

    [Fact]
    public async Task A_clean_file_of_500_rows_commits_them_all()
    {
        var rows = Enumerable.Range(0, 500).Select(_ => Row()).ToList();
        var file = CsvFile(rows);
        var before = await CountGuestsAsync();

        var preview = await ReadPreviewAsync(await ImportAsync(file, "guests.csv", commit: false));
        Assert.Equal((500, 500), (preview.Rows, preview.ValidRows));
        Assert.Empty(preview.Problems);
        Assert.Equal(before, await CountGuestsAsync());

        var committed = await ReadPreviewAsync(await ImportAsync(file, "guests.csv", commit: true));
        Assert.True(committed.Committed);
        Assert.Equal(before + 500, await CountGuestsAsync());
        var last = await FindByEmailAsync(rows[^1]["email"]);
        Assert.Equal("Ivanova", last.FamilyName);
        Assert.Equal(new string('•', 10) + rows[^1]["passport"][^3..], last.PassportMasked);
    }

    [Fact]
    public async Task An_xlsx_file_imports_like_a_csv()
    {
        var tag = Guid.NewGuid().ToString("N");
        var rows = WorldNames.Select(n => Row(r => SetNames(r, n, tag))).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows.Select(r => GuestFileFormat.Columns.ToDictionary(c => c, c => (object)r[c])).ToList());
        var before = await CountGuestsAsync();

        var committed = await ReadPreviewAsync(await ImportAsync(stream.ToArray(), "guests.xlsx", commit: true));
        Assert.True(committed.Committed);
        Assert.Equal(before + rows.Count, await CountGuestsAsync());
        foreach (var (row, name) in rows.Zip(WorldNames))
        {
            AssertNames(name, await FindByEmailAsync(row["email"]));
        }
    }

    [Fact]
    public async Task Names_in_any_script_survive_import_read_export_and_reimport()
    {
        var tag = Guid.NewGuid().ToString("N");
        var rows = WorldNames.Select(n => Row(r => SetNames(r, n, tag))).ToList();
        Assert.True((await ReadPreviewAsync(await ImportAsync(CsvFile(rows), "world.csv", commit: true))).Committed);

        foreach (var (row, name) in rows.Zip(WorldNames))
        {
            AssertNames(name, await FindByEmailAsync(row["email"]));
        }

        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var csv = await secretariat.GetByteArrayAsync($"/api/v1/guests/export?format=csv&search={tag}");
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var records = Csv.Parse(Encoding.UTF8.GetString(csv[3..]));
        var exportedCsv = records.Skip(1).Select(r => records[0].Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
        AssertExported(rows, exportedCsv);

        var xlsx = await secretariat.GetByteArrayAsync($"/api/v1/guests/export?format=xlsx&search={tag}");
        using var xlsxStream = new MemoryStream(xlsx);
        var exportedXlsx = xlsxStream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()
            .Select(r => r.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? "")).ToList();
        AssertExported(rows, exportedXlsx);

        foreach (var (content, fileName) in new[] { (csv, "export.csv"), (xlsx, "export.xlsx") })
        {
            var again = await ReadPreviewAsync(await ImportAsync(content, fileName, commit: false));
            Assert.Equal(rows.Count, again.Rows);
            Assert.Equal(0, again.ValidRows);
            Assert.All(again.Problems, p => Assert.Equal(("email", GuestErrors.GuestEmailDuplicate), (p.Field, p.Code)));
            Assert.Equal(rows.Count, again.Problems.Select(p => p.Row).Distinct().Count());
        }
    }

    private static void AssertExported(List<Dictionary<string, string>> imported, List<Dictionary<string, string>> exported)
    {
        Assert.Equal(imported.Count, exported.Count);
        foreach (var (row, name) in imported.Zip(WorldNames))
        {
            var line = Assert.Single(exported, e => e["Email / 电子邮箱"] == row["email"]);
            // Exports carry the bilingual headers people read, which an import reads back.
            AssertSameBytes(name.Family, line["Family name / 姓"]);
            AssertSameBytes(name.Given, line["Given name / 名"]);
            AssertSameBytes(name.FamilyLatin ?? name.Family, line["Family name (Latin) / 姓（拉丁字母）"]);
            AssertSameBytes(name.GivenLatin ?? name.Given, line["Given name (Latin) / 名（拉丁字母）"]);
        }
    }

    private static void AssertNames((string Family, string Given, string? FamilyLatin, string? GivenLatin) expected, GuestDetail guest)
    {
        AssertSameBytes(expected.Family, guest.FamilyName);
        AssertSameBytes(expected.Given, guest.GivenName);
        // A name already in Latin script is its own Latin form.
        AssertSameBytes(expected.FamilyLatin ?? expected.Family, guest.FamilyNameLatin);
        AssertSameBytes(expected.GivenLatin ?? expected.Given, guest.GivenNameLatin);
    }

    private static void AssertSameBytes(string expected, string actual) =>
        Assert.Equal(Convert.ToHexString(Encoding.UTF8.GetBytes(expected)), Convert.ToHexString(Encoding.UTF8.GetBytes(actual)));

    private static void SetNames(Dictionary<string, string> row, (string Family, string Given, string? FamilyLatin, string? GivenLatin) name, string tag)
    {
        row["family_name"] = name.Family;
        row["given_name"] = name.Given;
        row["family_name_latin"] = name.FamilyLatin ?? "";
        row["given_name_latin"] = name.GivenLatin ?? "";
        row["organisation"] = "Babel Institute " + tag;
    }

    private static Dictionary<string, string> Row(Action<Dictionary<string, string>>? change = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var row = GuestFileFormat.Columns.ToDictionary(c => c, _ => "");
        row["family_name"] = "Ivanova";
        row["given_name"] = "Anna";
        row["organisation"] = "Moscow State University";
        row["organisation_type"] = "university";
        row["country"] = "RU";
        row["email"] = $"import-{id}@example.org";
        row["language"] = "en";
        row["participation"] = "in person";
        row["category"] = "Delegate";
        row["passport"] = "P" + id[..12].ToUpperInvariant();
        change?.Invoke(row);
        return row;
    }

    private static byte[] CsvFile(IEnumerable<Dictionary<string, string>> rows) => CsvFile(rows, c => c);

    /// <summary>A CSV file of the rows, its header row written by <paramref name="header"/> from each column key.</summary>
    private static byte[] CsvFile(IEnumerable<Dictionary<string, string>> rows, Func<string, string> header)
    {
        var output = new StringBuilder();
        Csv.WriteRow(output, GuestFileFormat.Columns.Select(header));
        foreach (var row in rows)
        {
            Csv.WriteRow(output, GuestFileFormat.Columns.Select(c => row[c]));
        }

        return Encoding.UTF8.GetBytes(output.ToString());
    }

    private async Task<HttpResponseMessage> ImportAsync(byte[] content, string fileName, bool commit)
    {
        using var client = await app.ClientForAsync(Roles.Secretariat);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var form = new MultipartFormDataContent { { file, "file", fileName } };
        return await client.PostAsync($"/api/v1/guests/import?commit={(commit ? "true" : "false")}", form);
    }

    private static async Task<ImportPreview> ReadPreviewAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ImportPreview>(Intents.Json))!;
    }

    private async Task<GuestDetail> FindByEmailAsync(string email)
    {
        using var client = await app.ClientForAsync(Roles.Secretariat);
        var page = await client.GetFromJsonAsync<PagedResult<GuestListItem>>($"/api/v1/guests?search={Uri.EscapeDataString(email)}", Intents.Json);
        var item = Assert.Single(page!.Items);
        return (await client.GetFromJsonAsync<GuestDetail>($"/api/v1/guests/{item.Id}", Intents.Json))!;
    }

    private Task<int> CountGuestsAsync() => app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Guests.CountAsync());
}
