namespace Summit.Server.Programme.Public;

/// <summary>
/// Someone on stage in the released programme, with only what they appear with publicly: name, organisation, position (a guest's) and their
/// sessions. No address, telephone, country or anything else of their record.
/// </summary>
public sealed record PublicSpeaker(Guid Id, string Name, string Organisation, string? Position, IReadOnlyList<PublicSession> Sessions);
