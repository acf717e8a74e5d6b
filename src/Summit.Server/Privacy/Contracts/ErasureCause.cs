namespace Summit.Server.Privacy.Contracts;

public enum ErasureCause
{
    /// <summary>An officer carries out the person's request.</summary>
    Request,

    /// <summary>The event's retention period has ended.</summary>
    Retention,
}
