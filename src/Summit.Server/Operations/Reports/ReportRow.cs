namespace Summit.Server.Operations.Reports;

/// <param name="Key">Stable, for the page's test ids (a day, a zone and category, a reason...).</param>
public sealed record ReportRow(string Key, IReadOnlyList<ReportCell> Cells, ReportRowKind Kind = ReportRowKind.Figures);
