namespace Summit.Server.Access.Contracts;

public enum ScanSource
{
    /// <summary>Decided by the server when the device asked.</summary>
    Online = 0,

    /// <summary>Decided by a gate agent and uploaded from its journal.</summary>
    Agent = 1,

    /// <summary>Decided by the server for a staffed console in the browser.</summary>
    Console = 2,
}
