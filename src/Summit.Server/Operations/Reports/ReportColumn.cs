namespace Summit.Server.Operations.Reports;

public sealed record ReportColumn(string Heading, bool Numeric);
