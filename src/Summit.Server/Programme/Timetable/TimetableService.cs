using Summit.Server.Events.Contracts;
using Summit.Server.Programme.Rules;

namespace Summit.Server.Programme.Timetable;

/// <summary>The timetable as staff read it: a day's grid of rooms and sessions with their warnings, and every conflict of the programme.</summary>
public sealed class TimetableService(IEventCalendar events, ProgrammeReader reader)
{
    public async Task<TimetableView> DayAsync(DateOnly? day = null, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var chosen = day ?? summitEvent.StartDate;
        if (chosen < summitEvent.StartDate || chosen > summitEvent.EndDate)
        {
            throw new SummitException(SummitError.Of(ProgrammeErrors.DayOutsideEvent, chosen.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                summitEvent.StartDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                summitEvent.EndDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        var zone = await events.TimeZoneAsync(ct);
        var from = LocalMidnight(chosen, zone);
        var until = LocalMidnight(chosen.AddDays(1), zone);
        var state = await reader.LoadAsync(summitEvent.Id, ct);
        var conflicts = state.Check();
        var today = state.Sessions.Where(s => s.RoomId is not null && s.StartsAt < until && s.EndsAt > from)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.TitleEn, StringComparer.Ordinal).ToList();
        var ids = today.Select(s => s.Id).ToHashSet();
        var mine = conflicts.Where(c => ids.Contains(c.SessionId) || (c.OtherSessionId is { } other && ids.Contains(other))).ToList();
        var slots = today.Select(s =>
        {
            var worst = mine.Where(c => c.Involves(s.Id)).Select(c => (RuleSeverity?)c.Severity).Min();
            return new TimetableSlot(s.Id, s.ForumId, s.Kind, s.TitleEn, s.TitleZh, s.RoomId!.Value, s.StartsAt!.Value, s.EndsAt!.Value, s.ExpectedAttendance, worst,
                state.ChosenFor(s.Id));
        }).ToList();
        var days = Enumerable.Range(0, summitEvent.EndDate.DayNumber - summitEvent.StartDate.DayNumber + 1).Select(summitEvent.StartDate.AddDays).ToList();
        var rooms = state.Rooms.Values.Select(r => new TimetableRoom(r.Id, r.Code, r.NameEn, r.NameZh, r.VenueId, r.VenueNameEn, r.VenueNameZh)).ToList();
        return new TimetableView(chosen, from, until, days, rooms, slots, await reader.DescribeAsync(mine, state, null, ct),
            state.Sessions.Count(s => s.RoomId is null), DemandSwaps.Find(today, state.Rooms, s => state.ChosenFor(s.Id),
                state.DemandOf, s => state.RegisteredFor(s.Id)));
    }

    /// <summary>Every conflict of the programme, gravest first.</summary>
    public async Task<List<ProgrammeConflictView>> ConflictsAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var state = await reader.LoadAsync(summitEvent.Id, ct);
        return [.. (await reader.DescribeAsync(state.Check(), state, null, ct)).OrderBy(c => c.Severity).ThenBy(c => c.Rule)];
    }

    private static DateTimeOffset LocalMidnight(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
