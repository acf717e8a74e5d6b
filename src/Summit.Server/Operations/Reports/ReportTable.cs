namespace Summit.Server.Operations.Reports;

/// <param name="Id">Stable, for the page's test ids ("days", "incidents"...).</param>
/// <param name="Caption">A heading of the table inside its section, or null.</param>
/// <param name="Empty">Shown instead of the table when it has no row.</param>
public sealed record ReportTable(string Id, string? Caption, IReadOnlyList<ReportColumn> Columns, IReadOnlyList<ReportRow> Rows,
    IReadOnlyList<string> Definitions, string? Empty = null);
