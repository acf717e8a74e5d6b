namespace Summit.GateAgent;

/// <summary>The data folder or the journal cannot be used. The agent refuses to start rather than guess which scans it holds.</summary>
public sealed class LocalDataException(string message, Exception? inner = null) : Exception(message, inner);
