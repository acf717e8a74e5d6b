using Microsoft.EntityFrameworkCore;
using Summit.Server.Access.Contracts;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Programme.Contracts;
using Summit.Server.Programme.Releases;
using Summit.Server.Venues.Contracts;

namespace Summit.Server.Programme.Attendance;

/// <summary>
/// Who came to each session (<see cref="IProgrammeReport"/>): the sessions of the last release before the report's stamp, each in its room,
/// counted by the access module from the entries through the gates of the room's zone (<see cref="IAccessReport.WindowsAsync"/>), from
/// <see cref="DoorsOpenBefore"/> before the start to the end. A room without an access zone has no recorded attendance.
/// </summary>
public sealed class SessionAttendanceQueries(IEventCalendar events, SummitDbContext db, IRoomReservations rooms, IAccessReport access)
    : IProgrammeReport
{
    /// <summary>People take their seats before a session begins: an entry this long before the start counts for it.</summary>
    public static readonly TimeSpan DoorsOpenBefore = TimeSpan.FromMinutes(30);

    public async Task<ProgrammeReportFigures> FiguresAsync(DateTimeOffset asOf, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var release = await db.Set<ProgrammeRelease>().AsNoTracking().Where(r => r.EventId == summitEvent.Id && r.ReleasedAt < asOf)
            .OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);
        if (release is null)
        {
            return new ProgrammeReportFigures(null, []);
        }

        var released = ReleaseReader.Read(release).Sessions;
        var ids = released.Select(s => s.Id).ToList();
        var settings = await db.Set<Session>().AsNoTracking().Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.ExpectedAttendance, s.Layout }).ToDictionaryAsync(s => s.Id, ct);
        var byId = (await rooms.ListRoomsAsync(ct)).ToDictionary(r => r.Id);
        int Seats(ReleasedSession s) =>
            byId.TryGetValue(s.RoomId, out var room) && settings.TryGetValue(s.Id, out var session) ? room.CapacityFor(session.Layout) : 0;

        var windows = released.Where(s => byId.GetValueOrDefault(s.RoomId)?.ZoneId is not null)
            .Select(s => new AttendanceWindow(s.Id, byId[s.RoomId].ZoneId!.Value, s.StartsAt - DoorsOpenBefore, s.EndsAt, Seats(s))).ToList();
        var came = (await access.WindowsAsync(asOf, windows, ct)).ToDictionary(w => w.Key);
        return new ProgrammeReportFigures(release.Number, [.. released.OrderBy(s => s.StartsAt).ThenBy(s => s.RoomCode, StringComparer.Ordinal).Select(s =>
        {
            var counted = came.GetValueOrDefault(s.Id);
            return new SessionAttendance(s.Id, s.TitleEn, s.TitleZh, s.RoomCode, s.RoomNameEn, s.RoomNameZh, s.StartsAt, s.EndsAt, s.StartsAt - DoorsOpenBefore,
                Seats(s), settings.GetValueOrDefault(s.Id)?.ExpectedAttendance ?? 0, counted?.ZoneCode, counted?.Persons, counted?.Entries, counted?.FullAt);
        })]);
    }
}
