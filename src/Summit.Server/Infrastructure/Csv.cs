using System.Text;

namespace Summit.Server.Infrastructure;

/// <summary>
/// A small RFC 4180 CSV reader and writer: quoted fields, doubled quotes, line breaks inside quotes,
/// and a delimiter detected from the header (comma, semicolon or tab, as spreadsheet programs write).
/// </summary>
public static class Csv
{
    /// <param name="limits">
    /// For text from outside: stops with <see cref="CsvLimitException"/> as soon as the text passes a limit, and leaves out empty
    /// lines, so that what is held stays bounded whatever the text (a file of line breaks or of commas holds nothing).
    /// </param>
    public static List<string[]> Parse(string text, CsvLimits? limits = null)
    {
        var delimiter = DetectDelimiter(text);
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var fieldStarted = false;
        var maxFieldLength = limits?.MaxFieldLength ?? int.MaxValue;
        var totalFields = 0L;

        void EndField()
        {
            if (limits is not null && (fields.Count >= limits.MaxFields || ++totalFields > limits.MaxTotalFields))
            {
                throw new CsvLimitException(fields.Count >= limits.MaxFields ? CsvLimit.Fields : CsvLimit.TotalFields, rows.Count + 1);
            }

            fields.Add(field.ToString());
            field.Clear();
            fieldStarted = false;
        }

        void EndRecord()
        {
            if (limits is not null && fields.Count == 0 && !fieldStarted && field.Length == 0)
            {
                return;
            }

            EndField();
            if (limits is not null && rows.Count >= limits.MaxRecords)
            {
                throw new CsvLimitException(CsvLimit.Records, rows.Count + 1);
            }

            rows.Add([.. fields]);
            fields.Clear();
        }

        void Append(char c)
        {
            if (field.Length >= maxFieldLength)
            {
                throw new CsvLimitException(CsvLimit.FieldLength, rows.Count + 1);
            }

            field.Append(c);
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        Append('"');
                        i++;
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    Append(c);
                }

                continue;
            }

            if (c == '"' && !fieldStarted)
            {
                inQuotes = true;
                fieldStarted = true;
            }
            else if (c == delimiter)
            {
                EndField();
            }
            else if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                EndRecord();
            }
            else
            {
                Append(c);
                fieldStarted = true;
            }
        }

        if (inQuotes)
        {
            throw new FormatException("A quoted field is not closed before the end of the file.");
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            EndRecord();
        }

        return rows;
    }

    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        // A leading =, +, - or @ would run as a formula in a spreadsheet: neutralise it.
        if (value[0] is '=' or '+' or '-' or '@')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",;\"\r\n\t") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>Undoes the formula guard of <see cref="Escape"/>, so an exported file imports unchanged.</summary>
    public static string Unescape(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' ? value[1..] : value;

    public static void WriteRow(StringBuilder output, IEnumerable<string?> values)
    {
        output.AppendJoin(',', values.Select(Escape));
        output.Append("\r\n");
    }

    private static char DetectDelimiter(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        return new[] { ',', ';', '\t' }.OrderByDescending(d => header.Count(c => c == d)).First();
    }
}
