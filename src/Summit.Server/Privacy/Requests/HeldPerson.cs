using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Privacy;

/// <summary>A person kept under a legal hold, with every reason.</summary>
public sealed record HeldPerson(Guid PersonId, string DisplayName, IReadOnlyList<LegalHold> Holds);
