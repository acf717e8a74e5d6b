namespace Summit.Server.Access.Contracts;

/// <summary>Several days together: distinct people (a person who came on three days counts once), entries and refusals.</summary>
public sealed record AccessSpanTotal(int Persons, int Entries, int Refusals);
