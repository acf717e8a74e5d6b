namespace Summit.Server.Programme.Releases;

/// <summary>
/// A person of a release as read now: the stored person (guest id or remote speaker's address) and what is shown of them: name,
/// organisation and, for a guest, position.
/// </summary>
public sealed record ReleasePerson(ProgrammePerson Person, string Name, string Organisation, string? Position);
