namespace Summit.GateAgent;

/// <summary>
/// Where the agent takes the lane camera's frames from, for the face check (issue 14). Only <see cref="FolderFrameSource"/> exists: a
/// device camera is plugged in by implementing this interface (docs/guide/gate-agent.md). The agent never stores a frame it takes.
/// </summary>
public interface IFrameSource
{
    /// <summary>What the source is, for the logs and GET /status.</summary>
    string Description { get; }

    /// <summary>The next frames, up to <paramref name="count"/>, oldest first; empty when the camera has none.</summary>
    IReadOnlyList<byte[]> Take(int count);
}
