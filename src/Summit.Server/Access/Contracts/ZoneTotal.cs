namespace Summit.Server.Access.Contracts;

/// <summary>One zone over the whole event: distinct people who entered it on any event day, and their entries.</summary>
public sealed record ZoneTotal(int Zone, string ZoneCode, string ZoneNameEn, string ZoneNameZh, int Persons, int Entries);
