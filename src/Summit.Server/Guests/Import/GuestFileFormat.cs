using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Summit.Server.Infrastructure;

namespace Summit.Server.Guests.Import;

/// <summary>The column layout of guest imports and exports, shared so that an export can be re-imported.</summary>
public static class GuestFileFormat
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "family_name", "given_name", "family_name_latin", "given_name_latin", "title", "gender", "organisation",
        "organisation_type", "position", "country", "delegation", "email", "phone", "language", "participation", "category",
        "passport",
    ];

    public static readonly IReadOnlyList<string> RequiredColumns = ["family_name", "organisation", "organisation_type", "country", "email", "category"];

    public const int MaxRows = 200_000;

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
            throw new SummitException(SummitError.Of(ErrorCodes.ImportEmpty));
        }

        try
        {
            return IsXlsx(fileName, bytes) ? ReadXlsx(bytes) : ReadCsv(bytes);
        }
        catch (SummitException)
        {
            throw;
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException
                                       or InvalidOperationException or ArgumentException or System.Xml.XmlException)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.ImportFormat, ex.Message.Split('\n')[0]));
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
            throw new SummitException(SummitError.Of(ErrorCodes.ImportFormat, "the file is not UTF-8 text"));
        }

        var records = Csv.Parse(text.TrimStart('\uFEFF'));
        if (records.Count == 0)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.ImportEmpty));
        }

        var headers = records[0].Select(NormalizeHeader).ToArray();
        CheckHeaders(headers);
        if (records.Count - 1 > MaxRows)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.ImportTooLarge, MaxRows));
        }

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
                row[headers[i]] = i < record.Length ? record[i].Trim() : "";
            }

            rows.Add(row);
        }

        return rows;
    }

    private static List<Dictionary<string, string>> ReadXlsx(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        var rows = new List<Dictionary<string, string>>();
        string[]? headers = null;
        foreach (IDictionary<string, object?> raw in stream.Query(useHeaderRow: false))
        {
            var cells = raw.Values.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() ?? "").ToArray();
            if (headers is null)
            {
                headers = cells.Select(NormalizeHeader).ToArray();
                CheckHeaders(headers);
                continue;
            }

            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Length && i < cells.Length; i++)
            {
                if (headers[i].Length > 0)
                {
                    row[headers[i]] = cells[i];
                }
            }

            rows.Add(row);
            if (rows.Count > MaxRows)
            {
                throw new SummitException(SummitError.Of(ErrorCodes.ImportTooLarge, MaxRows));
            }
        }

        if (headers is null)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.ImportEmpty));
        }

        return rows;
    }

    private static void CheckHeaders(string[] headers)
    {
        var missing = RequiredColumns.Where(c => !headers.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new SummitException(SummitError.Of(ErrorCodes.ImportMissingColumns, string.Join(", ", missing)));
        }
    }
}
