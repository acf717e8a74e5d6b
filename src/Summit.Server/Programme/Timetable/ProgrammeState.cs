using Summit.Server.Programme.Rules;
using Summit.Server.Venues.Contracts;

namespace Summit.Server.Programme.Timetable;

/// <summary>
/// The event's programme as the rules judge it, read once: its sessions (with their people), the people's windows, the settings, the rooms,
/// how many guests chose each session for their agenda (<see cref="Chosen"/>), how many registered for it (<see cref="Registered"/>, seated
/// or waiting) and how many chose it without registering (<see cref="Interested"/>). A session's demand (<see cref="DemandOf"/>), which the
/// rule "room capacity below expected demand" and the overflow list read, is the larger of the attendance staff expect and the guests who
/// want it: registrations are firm, agenda picks are interest, and a session that requires registration counts its registrations only.
/// </summary>
public sealed record ProgrammeState(
    IReadOnlyList<Session> Sessions,
    IReadOnlyDictionary<Guid, PersonFacts> People,
    RuleSettings Settings,
    IReadOnlyDictionary<Guid, ReservableRoom> Rooms,
    IReadOnlyDictionary<Guid, int>? Chosen = null,
    IReadOnlyDictionary<Guid, int>? Registered = null,
    IReadOnlyDictionary<Guid, int>? Interested = null)
{
    /// <summary>How many guests have the session in their agenda.</summary>
    public int ChosenFor(Guid sessionId) => Chosen?.GetValueOrDefault(sessionId) ?? 0;

    /// <summary>How many guests registered for the session (seated or waiting).</summary>
    public int RegisteredFor(Guid sessionId) => Registered?.GetValueOrDefault(sessionId) ?? 0;

    /// <summary>
    /// The attendance to expect: what staff expect, or more when more guests want the session: its registrations, plus the agenda picks of
    /// guests who did not register unless the session requires registration (they cannot come in then).
    /// </summary>
    public int DemandOf(Session s) => Math.Max(s.ExpectedAttendance,
        RegisteredFor(s.Id) + (s.RegistrationRequired ? 0 : Interested?.GetValueOrDefault(s.Id) ?? ChosenFor(s.Id)));

    public SessionFacts FactsOf(Session s)
    {
        var room = s.RoomId is { } id ? Rooms.GetValueOrDefault(id) : null;
        TimeWindow? time = s.StartsAt is { } from && s.EndsAt is { } until && s.RoomId is not null ? new TimeWindow(from, until) : null;
        return new SessionFacts(s.Id, s.Kind, s.RoomId, room?.VenueId, time, DemandOf(s), room?.CapacityFor(s.Layout), s.Language, s.ChannelList,
            [.. s.Participants.Select(p => p.PersonId).Distinct()], [.. s.Equipment.Select(e => new EquipmentNeed(e.ItemId, e.Quantity, e.Held))]);
    }

    /// <summary>Every conflict of the programme, with <paramref name="changed"/> in place of the stored session of the same id (or added).</summary>
    public IReadOnlyList<ProgrammeConflict> Check(Session? changed = null) => Check(changed is null ? [] : [changed]);

    /// <summary>Every conflict of the programme with the <paramref name="changed"/> sessions in place of the stored ones of the same ids (or added).</summary>
    public IReadOnlyList<ProgrammeConflict> Check(IReadOnlyCollection<Session> changed)
    {
        var ids = changed.Select(c => c.Id).ToHashSet();
        var facts = Sessions.Where(s => !ids.Contains(s.Id)).Concat(changed).Select(FactsOf).ToList();
        return ProgrammeRules.Check(facts, People, Settings);
    }
}
