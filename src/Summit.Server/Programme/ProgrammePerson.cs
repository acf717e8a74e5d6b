namespace Summit.Server.Programme;

/// <summary>
/// Someone who appears in sessions: a guest of the event (<see cref="GuestId"/>; their name and organisation are read from the guests
/// module's contract, never copied here) or a remote speaker who is no guest (name, organisation, country and address kept here).
/// </summary>
public sealed class ProgrammePerson
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid? GuestId { get; set; }
    public string Name { get; set; } = "";
    public string Organisation { get; set; } = "";

    /// <summary>ISO 3166 alpha-2.</summary>
    public string CountryCode { get; set; } = "";
    public string Email { get; set; } = "";
    public List<PersonAvailability> Availability { get; set; } = [];

    /// <summary>
    /// When a remote speaker's data was erased (a privacy request or the purge; docs/adr/0038): name, organisation, country and address are gone, the
    /// person stays in their sessions as "Speaker withdrawn" so the timetable and its releases keep their shape. Null for everyone else.
    /// </summary>
    public DateTimeOffset? ErasedAt { get; set; }

    public bool IsWithdrawn => ErasedAt is not null;
}
