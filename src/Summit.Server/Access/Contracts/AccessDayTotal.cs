namespace Summit.Server.Access.Contracts;

/// <summary>One day at the gates: people admitted anywhere, admitted entries, and refused scans. Every event day has one, zero or not.</summary>
public sealed record AccessDayTotal(DateOnly Day, bool WithinEvent, int Persons, int Entries, int Refusals);
