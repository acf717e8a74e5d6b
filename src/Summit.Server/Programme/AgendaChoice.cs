namespace Summit.Server.Programme;

/// <summary>
/// A session a guest put in their personal agenda (issue 13), by the guest's id (named without a foreign key: the programme knows guests
/// only through the guests module's contracts). What the guest saw when choosing (the release, the start and the room) is kept so that a
/// later release that moves or cancels the session shows as such in the agenda instead of silently changing it.
/// </summary>
public sealed class AgendaChoice
{
    public Guid EventId { get; set; }
    public Guid GuestId { get; set; }
    public Guid SessionId { get; set; }
    public DateTimeOffset ChosenAt { get; set; }

    /// <summary>The release the guest chose the session from.</summary>
    public int ReleaseNumber { get; set; }

    public DateTimeOffset StartsAt { get; set; }
    public Guid RoomId { get; set; }
}
