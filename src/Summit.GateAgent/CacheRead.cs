namespace Summit.GateAgent;

/// <summary>A JSON file read back from the data folder: its value, or why it could not be used.</summary>
public readonly record struct CacheRead<T>(T? Value, string? Problem) where T : class;
