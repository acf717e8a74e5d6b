using System.IO.Compression;
using System.Xml;

namespace Summit.Server.Guests.Import;

/// <summary>
/// Reads an XLSX file once, streaming, before the spreadsheet reader sees it, and refuses it when it holds more than an import
/// may: more unpacked bytes than <see cref="MaxUnpackedBytes"/> (a zip bomb, whatever sizes the archive claims), a cell or shared
/// string longer than a cell may be, more cells or shared strings than <see cref="GuestFileFormat.MaxCells"/>, a row below the
/// last one allowed or a column beyond the last one (the reader fills the gaps it skips), or a document type declaration. Nothing
/// it reads is kept: text is counted in chunks, never built into a string.
/// </summary>
internal static class XlsxGuard
{
    /// <summary>More than a file of <see cref="GuestFileFormat.MaxRows"/> full rows unpacks to (about 150 MB).</summary>
    public const long MaxUnpackedBytes = 256L * 1024 * 1024;

    /// <summary>A workbook has a dozen parts; thousands are a way to make the reader open thousands of streams.</summary>
    public const int MaxParts = 1000;

    private const string SpreadsheetMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string SpreadsheetStrict = "http://purl.oclc.org/ooxml/spreadsheetml/main";

    /// <summary>Checks the file; returns the last row and column any sheet uses, which bound what the reader is asked to read.</summary>
    public static XlsxExtent Check(byte[] file)
    {
        using var archive = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
        if (archive.Entries.Count > MaxParts)
        {
            throw new SummitException(SummitError.Of(GuestErrors.ImportFormat, $"more than {MaxParts} parts"));
        }

        var budget = new Budget();
        foreach (var entry in archive.Entries)
        {
            // Any part may be named as a sheet by the workbook's relationships, whatever its name: every part is read as the
            // reader would read a sheet. A picture or other binary part fails as XML at once and is only unpacked and counted;
            // a part that starts as XML and then breaks (or declares a DTD) refuses the file.
            using var part = new CountingStream(entry.Open(), budget);
            try
            {
                ScanXml(part, budget);
            }
            catch (XmlException) when (!LooksLikeXml(entry))
            {
                // Not XML: nothing the reader would parse.
            }

            // Whatever the XML reader left unread is unpacked too, so that the budget counts every byte of the file.
            part.CopyTo(Stream.Null);
        }

        return budget.Extent;
    }

    /// <summary>Whether a part starts as XML does: "&lt;", after a byte order mark if any.</summary>
    private static bool LooksLikeXml(ZipArchiveEntry entry)
    {
        Span<byte> head = stackalloc byte[4];
        using var stream = entry.Open();
        var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var start = head[..read];
        return start switch
        {
            [0xEF, 0xBB, 0xBF, (byte)'<', ..] => true,
            [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] => true,
            [(byte)'<', ..] => true,
            _ => false,
        };
    }

    private static void ScanXml(Stream part, Budget budget)
    {
        // No DTD (entity expansion), no limit on characters but the file's byte budget; insignificant whitespace is skipped
        // without being kept, as the spreadsheet reader does too.
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };
        using var reader = XmlReader.Create(part, settings);
        var buffer = new char[8192];
        var row = 0;
        var column = 0;
        var inValue = false;
        var inCell = false;
        var valueLength = 0L;
        var cellLength = 0L;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && IsSpreadsheet(reader.NamespaceURI))
            {
                switch (reader.LocalName)
                {
                    case "row":
                        row = ReferencedRow(reader.GetAttribute("r")) ?? row + 1;
                        column = 0;
                        if (row > GuestFileFormat.MaxRows + 1)
                        {
                            throw Refusal(GuestErrors.ImportTooLarge, GuestFileFormat.MaxRows);
                        }

                        break;
                    case "c":
                        column = ReferencedColumn(reader.GetAttribute("r")) ?? column + 1;
                        if (column > GuestFileFormat.MaxColumns)
                        {
                            throw Refusal(GuestErrors.ImportTooManyColumns, GuestFileFormat.MaxColumns);
                        }

                        budget.AddCell(row, column);
                        (inCell, cellLength) = (!reader.IsEmptyElement, 0);
                        break;
                    case "si":
                        // A shared string: the text of all its runs together is one cell's text.
                        budget.AddCell();
                        (inCell, cellLength) = (!reader.IsEmptyElement, 0);
                        break;
                    case "v" or "t":
                        (inValue, valueLength) = (!reader.IsEmptyElement, 0);
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && IsSpreadsheet(reader.NamespaceURI))
            {
                inValue = inValue && reader.LocalName is not ("v" or "t");
                inCell = inCell && reader.LocalName is not ("c" or "si");
            }
            else if (inValue && reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace)
            {
                // Counted in chunks: a value of a billion characters is refused after its first 32,768, never held.
                int read;
                while ((read = reader.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
                {
                    valueLength += read;
                    cellLength += inCell ? read : 0;
                    if (valueLength > GuestFileFormat.MaxCellLength || cellLength > GuestFileFormat.MaxCellLength)
                    {
                        throw Refusal(GuestErrors.ImportCellTooLong, GuestFileFormat.MaxCellLength);
                    }
                }
            }
        }
    }

    /// <summary>The transitional and the strict spreadsheet namespaces, both of which the reader takes.</summary>
    private static bool IsSpreadsheet(string ns) => ns is SpreadsheetMain or SpreadsheetStrict;

    /// <summary>The row number of a row's "r" attribute; null when absent or not a number (the reader then counts on).</summary>
    private static int? ReferencedRow(string? reference) =>
        int.TryParse(reference, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var row) ? row : null;

    /// <summary>The column number of a cell reference ("C7" is 3); null when absent or malformed.</summary>
    private static int? ReferencedColumn(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }

        var column = 0;
        foreach (var c in reference)
        {
            if (c is >= 'A' and <= 'Z')
            {
                // Past the last column any spreadsheet has: stop counting before the number overflows.
                column = Math.Min((column * 26) + (c - 'A' + 1), int.MaxValue / 27);
            }
            else if (c is >= 'a' and <= 'z')
            {
                column = Math.Min((column * 26) + (c - 'a' + 1), int.MaxValue / 27);
            }
            else
            {
                break;
            }
        }

        return column == 0 ? null : column;
    }

    private static SummitException Refusal(string code, object limit) => new(SummitError.Of(code, limit));

    /// <summary>What the whole file has used so far: unpacked bytes and cells, across all its parts.</summary>
    private sealed class Budget
    {
        private long _bytes;
        private long _cells;

        public void AddBytes(int count)
        {
            _bytes += count;
            if (_bytes > MaxUnpackedBytes)
            {
                throw Refusal(GuestErrors.ImportUnpackedTooLarge, MaxUnpackedBytes / (1024 * 1024));
            }
        }

        public XlsxExtent Extent { get; private set; } = new(0, 0);

        public void AddCell(int row = 0, int column = 0)
        {
            if (++_cells > GuestFileFormat.MaxCells)
            {
                throw Refusal(GuestErrors.ImportTooManyCells, GuestFileFormat.MaxCells);
            }

            Extent = new(Math.Max(Extent.Rows, row), Math.Max(Extent.Columns, column));
        }
    }

    /// <summary>A part's unpacked stream that charges every byte read to the file's budget.</summary>
    private sealed class CountingStream(Stream inner, Budget budget) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            budget.AddBytes(read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
