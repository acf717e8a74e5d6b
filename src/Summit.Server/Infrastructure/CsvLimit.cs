namespace Summit.Server.Infrastructure;

public enum CsvLimit
{
    Records,
    Fields,
    FieldLength,
    TotalFields,
}
