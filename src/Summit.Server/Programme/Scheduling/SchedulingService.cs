using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Programme.Rules;
using Summit.Server.Programme.Sessions;
using Summit.Server.Programme.Timetable;
using Summit.Server.Venues.Contracts;

namespace Summit.Server.Programme.Scheduling;

/// <summary>
/// Automatic scheduling (docs/adr/0033): reads the draft into a <see cref="ScheduleProblem"/> (the event's days, the rooms with their
/// bookable hours and what the venue holds them for, the sessions, the people's windows, the rules), lets <see cref="ScheduleSolver"/> place
/// it, and shows the answer as a diff for review. Accepting applies the diff through the normal placement path
/// (<see cref="SessionService.PlaceAllAsync"/>: the rooms booked through the venues contract in the same transaction), refused once the
/// draft has changed since the proposal. One solve runs at a time on a server; each is bounded in time, threads and memory.
/// </summary>
public sealed class SchedulingService(SummitDbContext db, IEventCalendar events, ProgrammeReader reader, IRoomReservations reservations,
    IEnumerable<IScheduleBaseline> baselines, SessionService sessions, ScheduleGate gate, Localizer localizer)
{
    public const int MaxTimeLimitSeconds = 60;
    public const int MaxSessions = 2000;
    public const int MaxRooms = 200;
    public const int MaxDays = 14;
    public static readonly IReadOnlyList<int> Grids = [5, 10, 15, 30, 60];

    public async Task<ScheduleProposalView> ProposeAsync(ScheduleRequest request, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var state = await reader.LoadAsync(summitEvent.Id, ct);
        var checks = new FieldChecks(localizer);
        if (!Grids.Contains(request.GridMinutes))
        {
            checks.Add("gridMinutes", "programme.schedule.grid", ProgrammeErrors.ValueUnknown, request.GridMinutes);
        }

        ProgrammeFields.InRange(checks, "timeLimitSeconds", "programme.schedule.time_limit", request.TimeLimitSeconds, 1, MaxTimeLimitSeconds);
        ProgrammeFields.InRange(checks, "defaultMinutes", "programme.schedule.default_minutes", request.DefaultMinutes, 5, ProgrammeLimits.MaxItemMinutes);
        var pinned = (request.Pinned ?? []).ToHashSet();
        if (pinned.Count > MaxSessions)
        {
            checks.Add("pinned", "programme.schedule.pinned", ProgrammeErrors.TooMany, MaxSessions);
        }

        var known = state.Sessions.Select(s => s.Id).ToHashSet();
        foreach (var id in pinned.Where(id => !known.Contains(id)).Take(10))
        {
            checks.Add("pinned", "programme.schedule.pinned", ProgrammeErrors.SessionUnknown, id);
        }

        var baselineName = string.IsNullOrWhiteSpace(request.Baseline) ? DraftBaseline.Key : request.Baseline.Trim();
        var baseline = baselines.FirstOrDefault(b => string.Equals(b.Name, baselineName, StringComparison.Ordinal));
        if (baseline is null)
        {
            checks.Add("baseline", "programme.schedule.baseline", ProgrammeErrors.ValueUnknown, baselineName.Length > 40 ? baselineName[..40] : baselineName);
        }

        var days = summitEvent.EndDate.DayNumber - summitEvent.StartDate.DayNumber + 1;
        if (state.Sessions.Count > MaxSessions || state.Rooms.Count > MaxRooms || days > MaxDays)
        {
            checks.Add("sessions", "programme.schedule.size", ProgrammeErrors.ScheduleTooLarge, MaxSessions, MaxRooms, MaxDays);
        }

        checks.ThrowIfAny();
        var problem = await ProblemAsync(summitEvent, state, request, pinned, await baseline!.LoadAsync(state, ct), ct);
        var proposal = await SolveAsync(problem, ct);
        return await ViewAsync(state, problem, proposal, await FingerprintAsync(state, ct), ct);
    }

    public async Task<ScheduleAccepted> AcceptAsync(AcceptScheduleInput input, CancellationToken ct = default)
    {
        var checks = new FieldChecks(localizer);
        var moves = input.Moves ?? [];
        if (moves.Count > MaxSessions)
        {
            checks.Add("moves", "programme.schedule.moves", ProgrammeErrors.TooMany, MaxSessions);
        }

        if (moves.Count == 0)
        {
            checks.Add("moves", "programme.schedule.moves", ProgrammeErrors.ScheduleEmpty);
        }

        if (moves.GroupBy(m => m.SessionId).Any(g => g.Count() > 1))
        {
            checks.Add("moves", "programme.schedule.moves", ProgrammeErrors.ScheduleDuplicate);
        }

        checks.ThrowIfAny();
        var summitEvent = await events.GetCurrentAsync(ct);
        var state = await reader.LoadAsync(summitEvent.Id, ct);
        var fingerprint = await FingerprintAsync(state, ct);
        if (!string.Equals(fingerprint, input.Fingerprint, StringComparison.Ordinal))
        {
            throw new SummitException(SummitError.Conflict(ProgrammeErrors.ScheduleStale));
        }

        var placed = await sessions.PlaceAllAsync(moves, "scheduler " + fingerprint[..12], ct);
        return new ScheduleAccepted(placed, await FingerprintAsync(await reader.LoadAsync(summitEvent.Id, ct), ct));
    }

    /// <summary>Runs the solver off the request's thread, one at a time: a second solve while one runs is refused, not queued.</summary>
    private async Task<ScheduleProposal> SolveAsync(ScheduleProblem problem, CancellationToken ct)
    {
        if (!gate.TryEnter())
        {
            throw new SummitException(SummitError.Conflict(ProgrammeErrors.ScheduleBusy));
        }

        try
        {
            return await Task.Run(() => ScheduleSolver.Solve(problem), ct);
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or BadImageFormatException or EntryPointNotFoundException)
        {
            // OR-Tools ships its native solver for linux-x64/arm64, osx-x64/arm64 and win-x64; elsewhere scheduling is unavailable, nothing else.
            throw new SummitException(new SummitError(ProgrammeErrors.SolverUnavailable, [RuntimeInformationText()], StatusCodes.Status503ServiceUnavailable));
        }
        finally
        {
            gate.Leave();
        }
    }

    private static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;

    private async Task<ScheduleProblem> ProblemAsync(EventFacts summitEvent, ProgrammeState state, ScheduleRequest request, HashSet<Guid> pinned,
        IReadOnlyDictionary<Guid, SchedulePlacement> previous, CancellationToken ct)
    {
        var zone = await events.TimeZoneAsync(ct);
        var days = summitEvent.EndDate.DayNumber - summitEvent.StartDate.DayNumber + 1;
        DateTimeOffset Local(DateOnly day, TimeOnly time)
        {
            var local = day.ToDateTime(time);
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }

        var origin = Local(summitEvent.StartDate, TimeOnly.MinValue);
        var until = Local(summitEvent.EndDate.AddDays(1), TimeOnly.MinValue);
        var sessionIds = state.Sessions.Select(s => s.Id).ToHashSet();
        // The programme's own sessions' bookings are their placements; everything else the venue holds the rooms for is busy.
        var busy = (await reservations.ListOccupiedAsync(origin, until, ct)).Where(o => o.SessionId is not { } id || !sessionIds.Contains(id))
            .ToLookup(o => o.RoomId);
        var rooms = state.Rooms.Values.Select(r => new ScheduleRoom(r.Id, r.VenueId,
            Enum.GetValues<SeatingLayout>().ToDictionary(l => l, r.CapacityFor),
            [.. Enumerable.Range(0, days).Select(d => summitEvent.StartDate.AddDays(d)).Select(day => r.OpensAt is { } opens && r.ClosesAt is { } closes
                ? new TimeWindow(Local(day, opens), Local(day, closes))
                : new TimeWindow(Local(day, TimeOnly.MinValue), Local(day.AddDays(1), TimeOnly.MinValue)))],
            [.. busy[r.Id].Select(o => new TimeWindow(o.From, o.Until))])).ToList();

        // The equipment stock binds only when its rule is hard; the venue's confirmed bookings other than the programme's hold units as they
        // do in the venue's stock rule (with their buffers), the sessions that stay hold what their bookings hold.
        var stock = new List<ScheduleStock>();
        var uses = new List<EquipmentUse>();
        if (state.Settings.SeverityOf(ConflictRule.EquipmentMissing) != RuleSeverity.Ignore && state.Sessions.Any(s => s.Equipment.Count > 0))
        {
            uses = [.. await reservations.ListEquipmentUseAsync(origin, until, ct)];
            var others = uses.Where(u => u.SessionId is not { } id || !sessionIds.Contains(id)).ToLookup(u => u.ItemId);
            stock = [.. (await reservations.ListEquipmentAsync(ct)).Select(e => new ScheduleStock(e.Id, e.Quantity,
                [.. others[e.Id].Select(u => new ScheduleStockUse(new TimeWindow(u.From, u.Until), u.Quantity))]))];
        }

        var holds = uses.Where(u => u.SessionId is { } id && sessionIds.Contains(id)).ToLookup(u => u.SessionId!.Value);
        var itemMinutes = await db.Set<SessionItem>().AsNoTracking().Where(i => sessionIds.Contains(i.SessionId) && i.Minutes != null)
            .GroupBy(i => i.SessionId).Select(g => new { g.Key, Minutes = g.Sum(i => i.Minutes!.Value) }).ToDictionaryAsync(x => x.Key, x => x.Minutes, ct);
        var forums = await db.Set<Forum>().AsNoTracking().Where(f => f.EventId == summitEvent.Id).ToDictionaryAsync(f => f.Id, ct);
        var maxMinutes = (int)ProgrammeLimits.MaxSessionLength.TotalMinutes;
        // A withdrawn person (erased) keeps their place in sessions but constrains nothing: the solver does not see them.
        bool Withdrawn(Guid person) => state.People.TryGetValue(person, out var facts) && facts.Withdrawn;
        var scheduled = state.Sessions.Select(s =>
        {
            var current = s.RoomId is { } room && s.StartsAt is { } from && s.EndsAt is { } to ? new SchedulePlacement(room, from, to) : null;
            var minutes = current is not null ? (int)Math.Ceiling((current.EndsAt - current.StartsAt).TotalMinutes)
                : itemMinutes.TryGetValue(s.Id, out var m) && m > 0 ? m : request.DefaultMinutes;
            var audiences = new List<string> { "forum:" + s.ForumId.ToString("N") };
            if (request.SeparateSectors && forums.TryGetValue(s.ForumId, out var forum) && forum.Kind == ForumKind.Sub && forum.Sector.Length > 0)
            {
                audiences.Add("sector:" + forum.Sector);
            }

            var movable = current is null || (request.MovePlaced && !pinned.Contains(s.Id));
            // What a session needs when it may move; what its booking holds when it stays (the venue's count, which may be short of the need).
            IReadOnlyList<ReservedEquipment> equipment = movable
                ? [.. s.Equipment.Select(e => new ReservedEquipment(e.ItemId, e.Quantity))]
                : [.. holds[s.Id].GroupBy(u => u.ItemId).Select(g => new ReservedEquipment(g.Key, g.Sum(u => u.Quantity)))];
            return new ScheduleSession(s.Id, Math.Clamp(minutes, 1, maxMinutes), s.Layout, s.ExpectedAttendance,
                [.. s.Participants.Select(p => p.PersonId).Distinct().Where(p => !Withdrawn(p))], audiences, current, movable, equipment);
        }).ToList();

        return new ScheduleProblem(origin, days, request.GridMinutes, rooms, scheduled, state.People, state.Settings,
            previous.Where(p => sessionIds.Contains(p.Key)).ToDictionary(), new ScheduleLimits(request.TimeLimitSeconds),
            request.WarningsAreHard ? RuleSeverity.Warn : RuleSeverity.BlockRelease, stock);
    }

    private async Task<ScheduleProposalView> ViewAsync(ProgrammeState state, ScheduleProblem problem, ScheduleProposal proposal, string fingerprint,
        CancellationToken ct)
    {
        var byId = state.Sessions.ToDictionary(s => s.Id);
        string Room(Guid id) => state.Rooms.TryGetValue(id, out var room) ? room.Code : "?";
        var moves = proposal.Moves.Select(m => new ScheduleMoveView(m.SessionId, byId[m.SessionId].TitleEn, byId[m.SessionId].TitleZh, m.From?.RoomId,
            m.From is null ? null : Room(m.From.RoomId), m.From?.StartsAt, m.From?.EndsAt, m.To.RoomId, Room(m.To.RoomId), m.To.StartsAt, m.To.EndsAt))
            .OrderBy(m => m.ToStartsAt).ThenBy(m => m.ToRoom, StringComparer.Ordinal).ToList();

        var personIds = proposal.Clashes.Where(c => c.Kind is ClashKind.PersonAvailability or ClashKind.PersonOnePlace or ClashKind.PersonTravel)
            .Select(c => c.SubjectId!.Value).ToHashSet();
        var people = await db.Set<ProgrammePerson>().AsNoTracking().Where(p => personIds.Contains(p.Id)).ToListAsync(ct);
        var names = await reader.NamesAsync(people, ct);
        var items = proposal.Clashes.Any(c => c.Kind == ClashKind.EquipmentStock) ? (await reservations.ListEquipmentAsync(ct)).ToDictionary(e => e.Id) : [];
        var forums = await db.Set<Forum>().AsNoTracking().Where(f => f.EventId == byId.Values.Select(s => s.EventId).FirstOrDefault()).ToListAsync(ct);
        string Audience(string key) => key.StartsWith("forum:", StringComparison.Ordinal)
            ? forums.FirstOrDefault(f => f.Id.ToString("N") == key[6..]) is { } forum ? Localizer.InReaderLanguage(forum.TitleEn, forum.TitleZh) : key
            : key[(key.IndexOf(':', StringComparison.Ordinal) + 1)..];
        string Subject(ScheduleClash c) => c.Kind switch
        {
            ClashKind.RoomTime => Room(c.SubjectId!.Value),
            ClashKind.PersonAvailability or ClashKind.PersonOnePlace or ClashKind.PersonTravel => names.TryGetValue(c.SubjectId!.Value, out var who) ? who.Name : "?",
            ClashKind.SharedAudience => Audience(c.Audience ?? ""),
            ClashKind.Capacity or ClashKind.NoRoomInLayout or ClashKind.TooLong => byId.TryGetValue(c.SubjectId!.Value, out var s)
                ? Localizer.InReaderLanguage(s.TitleEn, s.TitleZh) : "?",
            ClashKind.EquipmentStock => items.TryGetValue(c.SubjectId!.Value, out var item) ? Localizer.InReaderLanguage(item.NameEn, item.NameZh) : "?",
            _ => "",
        };
        string Detail(ScheduleClash c) => c.Kind switch
        {
            ClashKind.Capacity => byId[c.SubjectId!.Value].ExpectedAttendance.ToString(CultureInfo.InvariantCulture),
            ClashKind.NoRoomInLayout => localizer.Enum(byId[c.SubjectId!.Value].Layout),
            ClashKind.TooLong => problem.Sessions.First(s => s.Id == c.SubjectId).Minutes.ToString(CultureInfo.InvariantCulture),
            ClashKind.SharedAudience => c.Audience?.StartsWith("sector:", StringComparison.Ordinal) == true ? "sector" : "forum",
            ClashKind.EquipmentStock => (problem.Stock?.FirstOrDefault(i => i.ItemId == c.SubjectId)?.Quantity ?? 0).ToString(CultureInfo.InvariantCulture),
            _ => "",
        };
        var clashes = proposal.Clashes.Select(c => new ScheduleClashView(c.Kind,
            localizer[c.Kind == ClashKind.SharedAudience ? $"programme.clash.{c.Kind}.{Detail(c)}" : $"programme.clash.{c.Kind}", Subject(c), Detail(c)],
            c.SubjectId, c.Audience)).ToList();
        return new ScheduleProposalView(proposal.Status, fingerprint, moves, proposal.MovedFromPrevious, problem.Sessions.Count(s => s.Movable), clashes,
            ScheduleSolver.HardRules(problem), proposal.Statistics);
    }

    /// <summary>
    /// What the proposal was made from, as one hash: every session's placement, length of its running order, audience and people, the people's
    /// windows, the equipment each session needs and the rules' settings. Any edit of the draft in between changes it, and accepting is then refused.
    /// </summary>
    private async Task<string> FingerprintAsync(ProgrammeState state, CancellationToken ct)
    {
        var ids = state.Sessions.Select(s => s.Id).ToList();
        var items = await db.Set<SessionItem>().AsNoTracking().Where(i => ids.Contains(i.SessionId)).Select(i => new { i.SessionId, i.Position, i.Minutes })
            .ToListAsync(ct);
        var text = new StringBuilder();
        foreach (var s in state.Sessions.OrderBy(s => s.Id))
        {
            text.Append(CultureInfo.InvariantCulture, $"s|{s.Id:N}|{s.ForumId:N}|{s.RoomId:N}|{s.StartsAt?.UtcTicks}|{s.EndsAt?.UtcTicks}|{s.BookingId:N}|")
                .Append(CultureInfo.InvariantCulture, $"{s.ExpectedAttendance}|{s.Layout}|")
                .AppendJoin(',', s.Participants.Select(p => p.PersonId.ToString("N")).Order(StringComparer.Ordinal)).Append('|')
                .AppendJoin(',', items.Where(i => i.SessionId == s.Id).OrderBy(i => i.Position).Select(i => i.Minutes?.ToString(CultureInfo.InvariantCulture) ?? "-"))
                .Append('|').AppendJoin(',', s.Equipment.OrderBy(e => e.ItemId).Select(e => $"{e.ItemId:N}={e.Quantity}"))
                .Append('\n');
        }

        foreach (var p in state.People.Values.OrderBy(p => p.Id))
        {
            text.Append(CultureInfo.InvariantCulture, $"p|{p.Id:N}|").AppendJoin(',', p.Availability.Select(w => $"{w.From.UtcTicks}-{w.Until.UtcTicks}")).Append('\n');
        }

        var settings = state.Settings;
        text.Append(CultureInfo.InvariantCulture, $"r|{settings.BufferMinutes}|{settings.DefaultTravelMinutes}|")
            .AppendJoin(',', settings.Severities.OrderBy(r => r.Key).Select(r => $"{r.Key}={r.Value}")).Append('|')
            .AppendJoin(',', settings.TravelMinutes.OrderBy(t => t.Key.Item1).ThenBy(t => t.Key.Item2).Select(t => $"{t.Key.Item1:N}-{t.Key.Item2:N}={t.Value}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
