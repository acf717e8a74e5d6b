namespace Summit.Server.Access.Contracts;

/// <summary>
/// Who came into a zone during an <see cref="AttendanceWindow"/>, counted as the report's attendance is (admitted entries of genuine codes,
/// received before the report's stamp): the people, their entries, and when the window's <see cref="AttendanceWindow.FullAt"/>-th person
/// came in (null if that many never did). The zone's code leads to the very scans (<see cref="ScanTrace"/> with From and Until).
/// </summary>
public sealed record WindowAttendance(Guid Key, string ZoneCode, int Persons, int Entries, DateTimeOffset? FullAt);
