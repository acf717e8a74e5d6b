namespace Summit.Server.Operations.Reports;

public sealed record ReportSection(string Heading, IReadOnlyList<ReportTable> Tables);
