namespace Summit.Server.Infrastructure;

/// <summary>The most a parse of text from outside may hold: records (lines), fields per record, characters per field, fields in all.</summary>
public sealed record CsvLimits(int MaxRecords, int MaxFields, int MaxFieldLength, long MaxTotalFields);
