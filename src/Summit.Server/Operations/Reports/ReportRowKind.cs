namespace Summit.Server.Operations.Reports;

public enum ReportRowKind
{
    Figures = 0,

    /// <summary>A total over several rows above it.</summary>
    Total = 1,

    /// <summary>A heading inside the table (its one cell spans every column), such as "Outside the event's dates".</summary>
    Group = 2,
}
