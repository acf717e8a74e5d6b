namespace Summit.Server.Programme.People;

/// <summary>
/// A person as the programme shows them: a guest's name, organisation and country come from the guest's card. The mail address of a
/// remote speaker is given only when one person is read, never in the list.
/// </summary>
public sealed record PersonView(Guid Id, Guid? GuestId, string Name, string Organisation, string CountryCode, string? Email,
    IReadOnlyList<AvailabilityWindow> Availability)
{
    public bool IsGuest => GuestId is not null;
}
