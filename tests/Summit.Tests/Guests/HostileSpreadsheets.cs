using System.IO.Compression;
using System.Security;
using System.Text;
using Summit.Server.Guests.Import;

namespace Summit.Tests.Guests;

/// <summary>
/// Builds XLSX files by hand, part by part, so a test can put in them what no spreadsheet program would write: a cell of a
/// hundred million characters, gigabytes of padding, a row a million rows down. Parts are streamed into the zip as they are
/// written, so a test never holds the unpacked content in memory.
/// </summary>
public static class HostileSpreadsheets
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /// <summary>An XLSX whose first sheet's rows are written by <paramref name="rows"/>, with optional shared strings and extra parts.</summary>
    public static byte[] Xlsx(Action<TextWriter> rows, Action<TextWriter>? sharedStrings = null, string? dimension = null,
        IReadOnlyList<(string Path, Action<Stream> Write)>? extraParts = null)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", w => w.Write("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>
                """));
            Part(zip, "_rels/.rels", w => w.Write("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
                """));
            Part(zip, "xl/workbook.xml", w => w.Write($"""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="{Main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Guests" sheetId="1" r:id="rId1"/></sheets></workbook>
                """));
            Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>
                """));
            Part(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{Main}">""");
                if (dimension is not null)
                {
                    w.Write($"""<dimension ref="{dimension}"/>""");
                }

                w.Write("<sheetData>");
                rows(w);
                w.Write("</sheetData></worksheet>");
            });
            Part(zip, "xl/sharedStrings.xml", w =>
            {
                w.Write($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="{Main}">""");
                sharedStrings?.Invoke(w);
                w.Write("</sst>");
            });
            foreach (var (path, write) in extraParts ?? [])
            {
                using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
                write(stream);
            }
        }

        return output.ToArray();
    }

    /// <summary>The header row of the import layout, as inline strings in row 1.</summary>
    public static void HeaderRow(TextWriter w) =>
        Row(w, 1, GuestFileFormat.Columns.ToList());

    /// <summary>A row of inline strings; empty values are left out, as spreadsheet programs do.</summary>
    public static void Row(TextWriter w, int number, IReadOnlyList<string> values)
    {
        w.Write($"""<row r="{number}">""");
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i].Length > 0)
            {
                w.Write($"""<c r="{Column(i + 1)}{number}" t="inlineStr"><is><t>{SecurityElement.Escape(values[i])}</t></is></c>""");
            }
        }

        w.Write("</row>");
    }

    /// <summary>A valid guest row in the import layout (see <see cref="GuestFileFormat.Columns"/>).</summary>
    public static List<string> Guest(string? familyName = null) =>
    [
        familyName ?? "Ivanova", "Anna", "", "", "", "", "Moscow State University", "University", "", "RU", "", $"hostile-{Guid.NewGuid():N}@example.org", "",
        "en", "InPerson", "Delegate", "",
    ];

    /// <summary>"A" for 1, "Z" for 26, "AA" for 27... "XFD" for 16,384, the last column of a spreadsheet.</summary>
    public static string Column(int number)
    {
        var name = "";
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>Writes <paramref name="count"/> copies of one character without building them in memory.</summary>
    public static void Repeat(TextWriter w, char c, long count)
    {
        var chunk = new string(c, 64 * 1024);
        for (var left = count; left > 0; left -= chunk.Length)
        {
            w.Write(left >= chunk.Length ? chunk : chunk[..(int)left]);
        }
    }

    private static void Part(ZipArchive zip, string path, Action<TextWriter> write)
    {
        using var stream = zip.CreateEntry(path, CompressionLevel.Fastest).Open();
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024);
        write(writer);
    }
}
