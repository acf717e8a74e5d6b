namespace Summit.Server.Programme.Agenda;

/// <summary>How a session of a guest's agenda stands in the latest release against what the guest chose.</summary>
public enum AgendaEntryState
{
    /// <summary>Where and when the guest chose it (or a session the guest appears in).</summary>
    Scheduled = 1,

    /// <summary>A later release moved it to another time or room.</summary>
    Moved = 2,

    /// <summary>The latest release no longer has it.</summary>
    Cancelled = 3,
}
