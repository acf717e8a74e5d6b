namespace Summit.Server.Operations.Reports;

/// <param name="Link">The records the figure counts, relative to the server; null for a label.</param>
public sealed record ReportCell(string Text, string? Link = null);
