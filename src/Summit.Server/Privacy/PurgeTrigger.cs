namespace Summit.Server.Privacy;

public enum PurgeTrigger
{
    /// <summary>The background job found the event due.</summary>
    Scheduled,

    /// <summary>An officer ran it.</summary>
    Manual,
}
