namespace Summit.GateAgent;

/// <summary>The process exit codes (also in --help and docs/guide/gate-agent.md).</summary>
public static class ExitCodes
{
    public const int Stopped = 0;
    public const int Unexpected = 1;
    public const int Usage = 2;
    public const int LocalData = 3;
    public const int LocalEndpoint = 4;
}
