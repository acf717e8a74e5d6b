namespace Summit.Server.Operations.Reports;

/// <summary>
/// A report laid out once for every way it is shown (the page, the PDF): headed sections of tables whose cells link to their
/// records, each table followed by the definitions of its figures.
/// </summary>
public sealed record ReportDocument(string Title, string Subtitle, IReadOnlyList<string> Header, IReadOnlyList<ReportSection> Sections, string Footer);
