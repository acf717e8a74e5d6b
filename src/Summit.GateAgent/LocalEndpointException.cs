namespace Summit.GateAgent;

/// <summary>The local endpoint cannot listen on its address (taken, or not an address of this computer).</summary>
public sealed class LocalEndpointException(string message, Exception inner) : Exception(message, inner);
