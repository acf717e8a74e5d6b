namespace Summit.Server.Privacy.Contracts;

/// <summary>A record of one module that another module's records may point to (an entry conflict an incident holds as evidence).</summary>
public sealed record PersonReference(Guid PersonId, string Kind, string Reference);
