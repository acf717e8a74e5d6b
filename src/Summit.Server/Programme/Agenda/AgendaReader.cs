using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Programme.Releases;

namespace Summit.Server.Programme.Agenda;

/// <summary>Reads a guest's agenda against a release: what they chose (as it stands now) and the sessions they appear in, with their roles.</summary>
public sealed class AgendaReader(SummitDbContext db, IEventCalendar events)
{
    public async Task<string> TimeZoneIdAsync(Guid eventId, CancellationToken ct) => (await events.FindAsync(eventId, ct))?.TimeZoneId ?? "UTC";

    /// <summary>
    /// The guest's agenda in time order: each chosen session as <paramref name="snapshot"/> has it (moved when its time or room differs from
    /// what the guest chose; cancelled, as its own release had it, when the snapshot no longer has it) and each session of the snapshot the
    /// guest appears in (through their programme person), with their roles in protocol order.
    /// </summary>
    public async Task<List<AgendaEntry>> EntriesAsync(Guid eventId, Guid guestId, ReleaseSnapshot snapshot, CancellationToken ct)
    {
        var choices = await db.Set<AgendaChoice>().AsNoTracking().Where(c => c.GuestId == guestId && c.EventId == eventId).ToListAsync(ct);
        var personIds = await db.Set<ProgrammePerson>().AsNoTracking().Where(p => p.EventId == eventId && p.GuestId == guestId).Select(p => p.Id)
            .ToListAsync(ct);
        var chosen = choices.ToDictionary(c => c.SessionId);
        var entries = new List<AgendaEntry>();
        foreach (var session in snapshot.Sessions)
        {
            var roles = session.Participants.Where(p => personIds.Contains(p.PersonId)).OrderBy(p => p.ProtocolOrder).Select(p => p.Role).Distinct().ToList();
            var choice = chosen.GetValueOrDefault(session.Id);
            if (choice is null && roles.Count == 0)
            {
                continue;
            }

            var moved = choice is not null && (choice.StartsAt != session.StartsAt || choice.RoomId != session.RoomId);
            entries.Add(Entry(session, choice is not null, roles, moved ? AgendaEntryState.Moved : AgendaEntryState.Scheduled) with
            {
                ChosenStartsAt = moved ? choice!.StartsAt : null,
                RoomChanged = moved && choice!.RoomId != session.RoomId,
            });
        }

        var gone = choices.Where(c => snapshot.Sessions.All(s => s.Id != c.SessionId)).ToList();
        if (gone.Count > 0)
        {
            // A cancelled session is shown as the release it was chosen from had it.
            var numbers = gone.Select(c => c.ReleaseNumber).Distinct().ToList();
            var earlier = await db.Set<ProgrammeRelease>().AsNoTracking().Where(r => r.EventId == eventId && numbers.Contains(r.Number)).ToListAsync(ct);
            var snapshots = earlier.ToDictionary(r => r.Number, ReleaseReader.Read);
            foreach (var choice in gone)
            {
                if (snapshots.GetValueOrDefault(choice.ReleaseNumber)?.Sessions.FirstOrDefault(s => s.Id == choice.SessionId) is { } was)
                {
                    entries.Add(Entry(was, true, [], AgendaEntryState.Cancelled));
                }
            }
        }

        return [.. entries.OrderBy(e => e.StartsAt).ThenBy(e => e.EndsAt).ThenBy(e => e.SessionId)];
    }

    private static AgendaEntry Entry(ReleasedSession s, bool chosen, IReadOnlyList<ParticipantRole> roles, AgendaEntryState state) =>
        new(s.Id, s.TitleEn, s.TitleZh, s.StartsAt, s.EndsAt, s.RoomId, s.RoomNameEn, s.RoomNameZh, s.VenueId, s.VenueNameEn, s.VenueNameZh, chosen, roles,
            state, Format: s.Format, JoinLink: state == AgendaEntryState.Cancelled || s.Format == SessionFormat.InPerson ? null : s.JoinLink);
}
