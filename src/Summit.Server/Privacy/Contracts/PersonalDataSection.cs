namespace Summit.Server.Privacy.Contracts;

/// <summary>What one module holds about the person, for the export: its records, and a note when it holds data it cannot link.</summary>
/// <param name="NoteKey">A catalog key that explains what the module holds without a link to the person, or null.</param>
public sealed record PersonalDataSection(string Area, IReadOnlyList<PersonalRecord> Records, string? NoteKey = null);
