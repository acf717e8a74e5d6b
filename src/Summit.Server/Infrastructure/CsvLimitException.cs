namespace Summit.Server.Infrastructure;

/// <summary>The text passed one of its <see cref="CsvLimits"/>; <see cref="Record"/> is the 1-based record being read.</summary>
public sealed class CsvLimitException(CsvLimit limit, int record) : Exception($"The text passes the CSV limit on {limit} at record {record}.")
{
    public CsvLimit Limit { get; } = limit;

    public int Record { get; } = record;
}
