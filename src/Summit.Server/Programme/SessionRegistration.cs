namespace Summit.Server.Programme;

/// <summary>
/// A guest registered for a session that requires registration (closed-door sessions, bilateral-style formats, limited seats): a seat held
/// while the placed room has seats left, otherwise a place on the waiting list in the order of <see cref="RegisteredAt"/>. The guest is named
/// by id without a foreign key (the programme knows guests only through the guests module's contracts).
/// </summary>
public sealed class SessionRegistration
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid SessionId { get; set; }
    public Guid GuestId { get; set; }
    public RegistrationState State { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }

    /// <summary>Staff registered the guest from the session's page (otherwise the guest did, in the portal).</summary>
    public bool ByStaff { get; set; }
}
