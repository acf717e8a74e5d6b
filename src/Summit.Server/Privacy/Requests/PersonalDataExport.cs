using Summit.Server.Privacy.Contracts;

namespace Summit.Server.Privacy;

/// <summary>Everything Summit holds about one person, section by section (one per module), as an officer hands it over.</summary>
public sealed record PersonalDataExport(string Format, DateTimeOffset GeneratedAt, string GeneratedBy, ExportEvent Event, ExportSubject Subject,
    IReadOnlyList<PersonalDataSection> Sections);
