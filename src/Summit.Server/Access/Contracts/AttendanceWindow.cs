namespace Summit.Server.Access.Contracts;

/// <summary>
/// A period in a zone whose attendance another module asks for (a session in its room): the people admitted into
/// <paramref name="ZoneId"/> from <paramref name="From"/> to before <paramref name="Until"/>, and when the
/// <paramref name="FullAt"/>-th of them came in (0: not asked).
/// </summary>
/// <param name="Key">The asker's own id for the period, given back with its figures.</param>
public sealed record AttendanceWindow(Guid Key, Guid ZoneId, DateTimeOffset From, DateTimeOffset Until, int FullAt);
