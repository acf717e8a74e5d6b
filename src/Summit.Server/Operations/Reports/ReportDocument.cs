namespace Summit.Server.Operations.Reports;

/// <summary>
/// A report laid out once for every way it is shown (the page, the PDF): headed sections of tables whose cells link to their
/// records, each table followed by the definitions of its figures.
/// </summary>
public sealed record ReportDocument(string Title, string Subtitle, IReadOnlyList<string> Header, IReadOnlyList<ReportSection> Sections, string Footer);

public sealed record ReportSection(string Heading, IReadOnlyList<ReportTable> Tables);

/// <param name="Id">Stable, for the page's test ids ("days", "incidents"...).</param>
/// <param name="Caption">A heading of the table inside its section, or null.</param>
/// <param name="Empty">Shown instead of the table when it has no row.</param>
public sealed record ReportTable(string Id, string? Caption, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows,
    IReadOnlyList<string> Definitions, string? Empty = null);

public sealed record ReportColumn(string Heading, bool Numeric);

public enum ReportRowKind
{
    Figures = 0,

    /// <summary>A total over several rows above it.</summary>
    Total = 1,

    /// <summary>A heading inside the table (its one cell spans every column), such as "Outside the event's dates".</summary>
    Group = 2,
}

/// <param name="Key">Stable, for the page's test ids (a day, a zone and category, a reason...).</param>
public sealed record ReportRow(string Key, IReadOnlyList<ReportCell> Cells, ReportRowKind Kind = ReportRowKind.Figures);

/// <param name="Link">The records the figure counts, relative to the server; null for a label.</param>
public sealed record ReportCell(string Text, string? Link = null);
