namespace Summit.Server.Guests.Import;

/// <summary>The last row and column a spreadsheet's cells use (0 when it has none).</summary>
internal readonly record struct XlsxExtent(int Rows, int Columns);
