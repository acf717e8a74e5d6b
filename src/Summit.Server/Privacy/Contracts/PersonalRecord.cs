namespace Summit.Server.Privacy.Contracts;

/// <summary>One record a module holds about a person, as the export shows it.</summary>
/// <param name="Kind">A stable word for the record's kind, unique within its area ("guest", "scan", "mail").</param>
public sealed record PersonalRecord(string Kind, IReadOnlyList<PersonalField> Fields);
