namespace Summit.Server.Programme.People;

/// <summary>
/// A person of the programme: a guest of the event by <see cref="GuestId"/> (nothing else is given: the guest's name and organisation stay
/// the guests module's), or a remote speaker with a name, organisation, country (ISO 3166 alpha-2) and mail address.
/// </summary>
public sealed record PersonInput(Guid? GuestId = null, string? Name = null, string? Organisation = null, string? CountryCode = null, string? Email = null);
