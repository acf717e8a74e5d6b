namespace Summit.Server.Programme.Public;

/// <summary>
/// A person on stage in a released session: their name as published and their role, in protocol order; a withdrawn person (their data erased)
/// keeps the place, without a page, shown as "Speaker withdrawn" in the reader's language.
/// </summary>
public sealed record PublicParticipant(Guid PersonId, string Name, ParticipantRole Role, bool Withdrawn = false);
