using SkiaSharp;
using Summit.Server.Infrastructure.Printing;

namespace Summit.Server.Operations.Reports;

/// <summary>
/// The closing report as a PDF to sign and file: A4 pages with the stamp, every table (its header repeated on each page it runs
/// onto) and the definitions under it, a footer with the stamp and the page number, and each figure a link to its records. Drawn
/// with SkiaSharp's PDF backend and the fonts the badges use, so Chinese text is set in a CJK face and stays searchable text.
/// </summary>
internal sealed class ClosingReportPdf : IDisposable
{
    private const float PageWidth = 210f;
    private const float PageHeight = 297f;
    private const float Margin = 15f;
    private const float FooterTop = PageHeight - 10f;
    private const float ContentWidth = PageWidth - (2 * Margin);
    private const float Bottom = FooterTop - 4f;
    private const float PointsPerMm = 72f / 25.4f;
    private const float LineSpacing = 1.3f;
    private const float CellPadding = 1.2f;
    private const float TitleSize = 6.4f;
    private const float SubtitleSize = 3.6f;
    private const float HeadingSize = 4.4f;
    private const float CaptionSize = 3.4f;
    private const float BodySize = 2.8f;
    private const float TableSize = 2.6f;
    private const float NoteSize = 2.4f;

    private static readonly SKColor Ink = SKColor.Parse("#111827");
    private static readonly SKColor SecondaryInk = SKColor.Parse("#4B5563");
    private static readonly SKColor LinkInk = SKColor.Parse("#1D4ED8");
    private static readonly SKColor Rule = SKColor.Parse("#D1D5DB");
    private static readonly SKColor HeaderFill = SKColor.Parse("#F3F4F6");
    private static readonly SKColor GroupFill = SKColor.Parse("#E5E7EB");

    private readonly SKDocument _document;
    private readonly PrintText _text = PrintText.Shared;
    private readonly string _baseUrl;
    private readonly string _footer;
    private SKCanvas? _canvas;
    private int _page;
    private float _y;

    private ClosingReportPdf(Stream output, string title, string stamp, string baseUrl, string footer)
    {
        var metadata = SKDocumentPdfMetadata.Default;
        metadata.Title = title;
        metadata.Subject = stamp;
        metadata.Creator = "Summit";
        metadata.Producer = "Summit";
        _document = SKDocument.CreatePdf(output, metadata);
        _baseUrl = baseUrl.TrimEnd('/');
        _footer = footer;
    }

    /// <summary>The document as PDF bytes; links become absolute with <paramref name="baseUrl"/> (the server's public address).</summary>
    public static byte[] Render(ReportDocument document, string baseUrl, string stamp)
    {
        using var output = new MemoryStream();
        using (var pdf = new ClosingReportPdf(output, document.Title, stamp, baseUrl, document.Footer))
        {
            pdf.Write(document);
        }

        return output.ToArray();
    }

    public void Dispose() => _document.Dispose();

    private void Write(ReportDocument document)
    {
        NewPage();
        Paragraph(document.Title, TitleSize, bold: true, Ink, after: 1.5f);
        Paragraph(document.Subtitle, SubtitleSize, bold: true, Ink, after: 2f);
        foreach (var line in document.Header)
        {
            Paragraph(line, BodySize, bold: false, SecondaryInk, after: 1f);
        }

        foreach (var section in document.Sections)
        {
            // A heading never ends a page: it goes with at least a few lines of what it heads.
            EnsureRoom(HeadingSize * 2 + (TableSize * 6));
            _y += 4f;
            Paragraph(section.Heading, HeadingSize, bold: true, Ink, after: 1.5f);
            foreach (var table in section.Tables)
            {
                Table(table);
            }
        }

        EndPage();
        _document.Close();
    }

    private void Table(ReportTable table)
    {
        if (table.Caption is { } caption)
        {
            EnsureRoom(CaptionSize * 2 + (TableSize * 4));
            Paragraph(caption, CaptionSize, bold: true, Ink, after: 1f);
        }

        if (table.Rows.Count == 0)
        {
            Paragraph(table.Empty ?? "", BodySize, bold: false, SecondaryInk, after: 1f);
        }
        else
        {
            var widths = ColumnWidths(table);
            Header(table, widths);
            foreach (var row in table.Rows)
            {
                var height = RowHeight(table, row, widths);
                if (_y + height > Bottom)
                {
                    NewPage();
                    Header(table, widths);
                }

                DrawRow(table, row, widths, height);
            }
        }

        _y += 1.5f;
        foreach (var definition in table.Definitions)
        {
            Paragraph(definition, NoteSize, bold: false, SecondaryInk, after: 0.8f);
        }

        _y += 2f;
    }

    /// <summary>Each column as wide as its widest cell; the text columns share what is left when the numbers have taken theirs.</summary>
    private float[] ColumnWidths(ReportTable table)
    {
        var natural = table.Columns.Select((column, i) =>
        {
            var cells = table.Rows.Where(r => r.Kind != ReportRowKind.Group && i < r.Cells.Count).Select(r => r.Cells[i].Text);
            var widest = cells.Select(c => _text.Measure(c, TableSize, bold: true)).DefaultIfEmpty(0).Max();
            var heading = column.Numeric ? _text.Wrap(column.Heading, 26f, TableSize, bold: true).Max(l => _text.Measure(l, TableSize, true))
                : _text.Measure(column.Heading, TableSize, bold: true);
            // A little slack: a text measured whole and wrapped word by word can differ by a hair.
            return Math.Max(widest, heading) + (2 * CellPadding) + 0.5f;
        }).ToArray();
        if (natural.Sum() <= ContentWidth)
        {
            // Spare room goes to the first column, where the labels are.
            natural[0] += ContentWidth - natural.Sum();
            return natural;
        }

        var numbers = table.Columns.Select((c, i) => c.Numeric ? natural[i] : 0).Sum();
        var texts = natural.Sum() - numbers;
        var available = Math.Max(ContentWidth - numbers, ContentWidth * 0.3f);
        var numberScale = numbers + available > ContentWidth ? (ContentWidth - available) / numbers : 1f;
        return [.. table.Columns.Select((c, i) => c.Numeric ? natural[i] * numberScale : natural[i] / texts * available)];
    }

    private void Header(ReportTable table, float[] widths)
    {
        var lines = table.Columns.Select((c, i) => _text.Wrap(c.Heading, widths[i] - (2 * CellPadding), TableSize, bold: true)).ToList();
        var height = (lines.Max(l => l.Count) * TableSize * LineSpacing) + (2 * CellPadding);
        using var fill = new SKPaint { Color = HeaderFill };
        Canvas.DrawRect(Margin, _y, ContentWidth, height, fill);
        var x = Margin;
        for (var i = 0; i < widths.Length; i++)
        {
            DrawLines(lines[i], x, widths[i], _y, table.Columns[i].Numeric, bold: true, Ink);
            x += widths[i];
        }

        _y += height;
        HorizontalRule(Ink);
    }

    private float RowHeight(ReportTable table, ReportRow row, float[] widths)
    {
        if (row.Kind == ReportRowKind.Group)
        {
            return (_text.Wrap(row.Cells[0].Text, ContentWidth - (2 * CellPadding), TableSize, bold: true).Count * TableSize * LineSpacing) + (2 * CellPadding);
        }

        var lines = row.Cells.Select((c, i) => _text.Wrap(c.Text, widths[i] - (2 * CellPadding), TableSize, row.Kind == ReportRowKind.Total).Count);
        return (Math.Max(1, lines.Max()) * TableSize * LineSpacing) + (2 * CellPadding);
    }

    private void DrawRow(ReportTable table, ReportRow row, float[] widths, float height)
    {
        if (row.Kind == ReportRowKind.Group)
        {
            using var fill = new SKPaint { Color = GroupFill };
            Canvas.DrawRect(Margin, _y, ContentWidth, height, fill);
            DrawLines(_text.Wrap(row.Cells[0].Text, ContentWidth - (2 * CellPadding), TableSize, bold: true), Margin, ContentWidth, _y, numeric: false,
                bold: true, Ink);
        }
        else
        {
            var bold = row.Kind == ReportRowKind.Total;
            var x = Margin;
            for (var i = 0; i < widths.Length && i < row.Cells.Count; i++)
            {
                var cell = row.Cells[i];
                var lines = _text.Wrap(cell.Text, widths[i] - (2 * CellPadding), TableSize, bold);
                DrawLines(lines, x, widths[i], _y, table.Columns[i].Numeric, bold, cell.Link is null ? Ink : LinkInk);
                if (cell.Link is { } link)
                {
                    using var annotation = Canvas.DrawUrlAnnotation(SKRect.Create(x, _y, widths[i], height), _baseUrl + link);
                }

                x += widths[i];
            }
        }

        _y += height;
        HorizontalRule(Rule);
    }

    private void DrawLines(IReadOnlyList<string> lines, float left, float width, float top, bool numeric, bool bold, SKColor ink)
    {
        var baseline = top + CellPadding + _text.Ascent(TableSize, bold);
        foreach (var line in lines)
        {
            var x = numeric ? left + width - CellPadding - _text.Measure(line, TableSize, bold) : left + CellPadding;
            _text.DrawLine(Canvas, line, x, baseline, TableSize, bold, ink);
            baseline += TableSize * LineSpacing;
        }
    }

    private void HorizontalRule(SKColor colour)
    {
        using var paint = new SKPaint { Color = colour, StrokeWidth = 0.15f, IsAntialias = true, Style = SKPaintStyle.Stroke };
        Canvas.DrawLine(Margin, _y, Margin + ContentWidth, _y, paint);
    }

    /// <summary>Wrapped text from the left margin; a paragraph that does not fit goes on with the next page.</summary>
    private void Paragraph(string text, float size, bool bold, SKColor ink, float after)
    {
        foreach (var line in _text.Wrap(text, ContentWidth, size, bold))
        {
            EnsureRoom(size * LineSpacing);
            _text.DrawLine(Canvas, line, Margin, _y + _text.Ascent(size, bold), size, bold, ink);
            _y += size * LineSpacing;
        }

        _y += after;
    }

    private void EnsureRoom(float height)
    {
        if (_y + height > Bottom)
        {
            NewPage();
        }
    }

    private SKCanvas Canvas => _canvas ?? throw new InvalidOperationException("No page is open.");

    private void NewPage()
    {
        EndPage();
        _page++;
        _canvas = _document.BeginPage(PageWidth * PointsPerMm, PageHeight * PointsPerMm);
        _canvas.Scale(PointsPerMm);
        _y = Margin;
    }

    private void EndPage()
    {
        if (_canvas is null)
        {
            return;
        }

        var footer = $"{_footer} · {_page}";
        var size = NoteSize;
        _text.DrawLine(_canvas, footer, PageWidth - Margin - _text.Measure(footer, size, bold: false), FooterTop + _text.Ascent(size, false), size,
            bold: false, SecondaryInk);
        _document.EndPage();
        _canvas = null;
    }
}
