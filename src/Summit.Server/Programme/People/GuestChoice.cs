namespace Summit.Server.Programme.People;

/// <summary>A guest offered as a speaker: what the guest's card says, and whether the guest is a person of the programme already.</summary>
public sealed record GuestChoice(Guid GuestId, string Name, string Organisation, string CountryCode, Guid? PersonId);
