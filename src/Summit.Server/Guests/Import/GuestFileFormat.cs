using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Guests.Import;

/// <summary>The column layout of guest imports and exports, shared so that an export can be re-imported.</summary>
public static class GuestFileFormat
{
    /// <summary>The columns by key: the snake_case name files used before the headers became bilingual, still accepted.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "family_name", "given_name", "family_name_latin", "given_name_latin", "title", "gender", "organisation",
        "organisation_type", "position", "country", "delegation", "email", "phone", "language", "participation", "category",
        "passport",
    ];

    /// <summary>A column of exports only: read back without complaint, so that an export can be imported again.</summary>
    public const string StatusColumn = "status";

    /// <summary>
    /// The header row people read, in both languages so that one file serves the whole secretariat. It is a file format,
    /// not a catalog text: a changed wording would make earlier files unreadable, so the headers live here and never change.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, (string English, string Chinese)> HeaderNames = new Dictionary<string, (string, string)>
    {
        ["family_name"] = ("Family name", "姓"),
        ["given_name"] = ("Given name", "名"),
        ["family_name_latin"] = ("Family name (Latin)", "姓（拉丁字母）"),
        ["given_name_latin"] = ("Given name (Latin)", "名（拉丁字母）"),
        ["title"] = ("Title", "称谓"),
        ["gender"] = ("Gender", "性别"),
        ["organisation"] = ("Organisation", "单位"),
        ["organisation_type"] = ("Organisation type", "单位类型"),
        ["position"] = ("Position", "职务"),
        ["country"] = ("Country", "国家或地区"),
        ["delegation"] = ("Delegation", "代表团"),
        ["email"] = ("Email", "电子邮箱"),
        ["phone"] = ("Phone", "电话"),
        ["language"] = ("Language", "语言"),
        ["participation"] = ("Participation", "参会方式"),
        ["category"] = ("Category", "类别"),
        ["passport"] = ("Passport number", "护照号码"),
        [StatusColumn] = ("Status", "状态"),
    };

    /// <summary>Every header an import accepts, normalized, to its column key: the bilingual header, either half of it, and the old key.</summary>
    private static readonly IReadOnlyDictionary<string, string> KeysByHeader = HeaderNames
        .SelectMany(h => new[] { h.Key, Header(h.Key), h.Value.English, h.Value.Chinese }.Select(name => (Name: NormalizeHeader(name), h.Key)))
        .DistinctBy(h => h.Name)
        .ToDictionary(h => h.Name, h => h.Key, StringComparer.Ordinal);

    /// <summary>The header of a column as exports and the template write it, for example "Family name / 姓".</summary>
    public static string Header(string column) => $"{HeaderNames[column].English} / {HeaderNames[column].Chinese}";

    /// <summary>The header of a column in one language, for the help beside the import.</summary>
    public static string Header(string column, string language) =>
        language == Localizer.Chinese ? HeaderNames[column].Chinese : HeaderNames[column].English;

    /// <summary>The header row of exports and of the template.</summary>
    public static IReadOnlyList<string> Headers(IEnumerable<string> columns) => [.. columns.Select(Header)];

    public static readonly IReadOnlyList<string> RequiredColumns = ["family_name", "organisation", "organisation_type", "country", "email", "category"];

    // What an import file may hold, whatever its format; each bound is checked while the file is read, before what it claims is held.
    public const int MaxRows = 200_000;
    public const int MaxColumns = 64;
    public const int MaxCells = 4_000_000;

    /// <summary>The most a spreadsheet program puts in one cell.</summary>
    public const int MaxCellLength = 32_767;

    /// <summary>
    /// The text of all cells together: as much as the largest CSV file holds. Cells of a spreadsheet may all name one long shared
    /// string, so that a small file reads as far more text than it holds.
    /// </summary>
    public const long MaxTextLength = GuestImportApi.MaxUploadBytes;

    private static readonly CsvLimits CsvLimits = new(MaxRows + 1, MaxColumns, MaxCellLength, MaxCells);

    public static bool IsXlsx(string fileName, ReadOnlySpan<byte> head) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || (head.Length > 3 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4);

    /// <summary>Reads rows as column name to text; headers are matched without regard to case, spaces or dashes.</summary>
    public static List<Dictionary<string, string>> Read(Stream stream, string fileName)
    {
        var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        if (bytes.Length == 0)
        {
            throw new SummitException(SummitError.Of(GuestErrors.ImportEmpty));
        }

        try
        {
            return IsXlsx(fileName, bytes) ? ReadXlsx(bytes) : ReadCsv(bytes);
        }
        catch (SummitException)
        {
            throw;
        }
        catch (CsvLimitException ex)
        {
            throw new SummitException(ex.Limit switch
            {
                CsvLimit.Records => SummitError.Of(GuestErrors.ImportTooLarge, MaxRows),
                CsvLimit.Fields => SummitError.Of(GuestErrors.ImportTooManyColumns, MaxColumns),
                CsvLimit.FieldLength => SummitError.Of(GuestErrors.ImportCellTooLong, MaxCellLength),
                _ => SummitError.Of(GuestErrors.ImportTooManyCells, MaxCells),
            });
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException
                                       or InvalidOperationException or ArgumentException or System.Xml.XmlException)
        {
            throw new SummitException(SummitError.Of(GuestErrors.ImportFormat, ex.Message.Split('\n')[0]));
        }
    }

    public static string NormalizeHeader(string header) =>
        string.Concat(header.Trim().ToLowerInvariant().Select(c => c is ' ' or '-' ? '_' : c)).Trim('_');

    private static List<Dictionary<string, string>> ReadCsv(byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new SummitException(SummitError.Of(GuestErrors.ImportFormat, "the file is not UTF-8 text"));
        }

        var records = Csv.Parse(text.TrimStart('\uFEFF'), CsvLimits);
        if (records.Count == 0)
        {
            throw new SummitException(SummitError.Of(GuestErrors.ImportEmpty));
        }

        var headers = ColumnKeys(records[0]);
        var rows = new List<Dictionary<string, string>>(records.Count - 1);
        foreach (var record in records.Skip(1))
        {
            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Length; i++)
            {
                if (IsColumn(headers[i]))
                {
                    row[headers[i]] = i < record.Length ? record[i].Trim() : "";
                }
            }

            rows.Add(row);
        }

        return rows;
    }

    private static List<Dictionary<string, string>> ReadXlsx(byte[] bytes)
    {
        var extent = XlsxGuard.Check(bytes);
        using var stream = new MemoryStream(bytes);
        var rows = new List<Dictionary<string, string>>();
        string[]? headers = null;
        var text = 0L;
        // The reader makes every row as wide as the sheet's stated dimension and fills the rows a sheet skips: both are bounded
        // here to the rows and columns the cells use (within what an import may have), whatever dimension the file states.
        var sheet = stream.QueryRange(useHeaderRow: false, sheetName: null, excelType: ExcelType.XLSX, startRowIndex: 1, startColumnIndex: 1,
            endRowIndex: Math.Max(1, extent.Rows), endColumnIndex: Math.Max(1, extent.Columns));
        foreach (IDictionary<string, object?> raw in sheet)
        {
            var cells = raw.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture) ?? "").ToArray();
            text += cells.Sum(c => (long)c.Length);
            if (text > MaxTextLength)
            {
                throw new SummitException(SummitError.Of(GuestErrors.ImportTextTooLarge, MaxTextLength));
            }

            cells = [.. cells.Select(c => c.Trim())];
            if (headers is null)
            {
                headers = ColumnKeys(cells);
                continue;
            }

            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Length && i < cells.Length; i++)
            {
                if (IsColumn(headers[i]))
                {
                    row[headers[i]] = cells[i];
                }
            }

            rows.Add(row);
            if (rows.Count > MaxRows)
            {
                throw new SummitException(SummitError.Of(GuestErrors.ImportTooLarge, MaxRows));
            }
        }

        if (headers is null)
        {
            throw new SummitException(SummitError.Of(GuestErrors.ImportEmpty));
        }

        return rows;
    }

    /// <summary>Only the columns of the layout are kept: the others would be held for every row and never read.</summary>
    private static bool IsColumn(string key) => Columns.Contains(key);

    /// <summary>
    /// The column key of each header cell ("" for an empty cell). A header Summit does not know is refused rather than skipped: a
    /// misspelt "Emial" would otherwise import every row without its address.
    /// </summary>
    private static string[] ColumnKeys(IEnumerable<string> headerCells)
    {
        var cells = headerCells.Select(c => c.Trim()).ToArray();
        var unknown = cells.Where(c => c.Length > 0 && !KeysByHeader.ContainsKey(NormalizeHeader(c))).ToList();
        if (unknown.Count > 0)
        {
            throw new SummitException(SummitError.Of(GuestErrors.ImportUnknownColumns, string.Join(", ", unknown)));
        }

        var keys = cells.Select(c => c.Length == 0 ? "" : KeysByHeader[NormalizeHeader(c)]).ToArray();
        var missing = RequiredColumns.Where(c => !keys.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new SummitException(SummitError.Of(GuestErrors.ImportMissingColumns, string.Join(", ", missing.Select(Header))));
        }

        return keys;
    }
}
