using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Programme.Releases;

/// <summary>Reads released versions: the latest of an event, one by number, the snapshot a release holds, and the names of its people now.</summary>
public sealed class ReleaseReader(SummitDbContext db, IGuestDirectory guests, Localizer localizer)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<ProgrammeRelease?> LatestAsync(Guid eventId, CancellationToken ct = default) =>
        await db.Set<ProgrammeRelease>().AsNoTracking().Where(r => r.EventId == eventId).OrderByDescending(r => r.Number).FirstOrDefaultAsync(ct);

    /// <summary>The number of the latest release of the event, without its snapshot; null before the first.</summary>
    public async Task<int?> LatestNumberAsync(Guid eventId, CancellationToken ct = default) =>
        await db.Set<ProgrammeRelease>().AsNoTracking().Where(r => r.EventId == eventId).OrderByDescending(r => r.Number).Select(r => (int?)r.Number)
            .FirstOrDefaultAsync(ct);

    /// <summary>The release of that number and the one before it (null for the first).</summary>
    public async Task<(ProgrammeRelease? Release, ProgrammeRelease? Previous)> WithPreviousAsync(Guid eventId, int number, CancellationToken ct = default)
    {
        var pair = await db.Set<ProgrammeRelease>().AsNoTracking().Where(r => r.EventId == eventId && (r.Number == number || r.Number == number - 1))
            .ToListAsync(ct);
        return (pair.FirstOrDefault(r => r.Number == number), pair.FirstOrDefault(r => r.Number == number - 1));
    }

    public static ReleaseSnapshot Read(ProgrammeRelease? release)
    {
        if (release is null)
        {
            return ReleaseSnapshot.Empty;
        }

        using var document = JsonDocument.Parse(release.Snapshot);
        var snapshot = document.Deserialize<ReleaseSnapshot>(Json) ?? ReleaseSnapshot.Empty;
        // Every session of a version written since links are kept carries "joinLink" (null when it has none); an older one has none at all.
        var kept = !document.RootElement.TryGetProperty("sessions", out var sessions) || sessions.ValueKind != JsonValueKind.Array
            || sessions.GetArrayLength() == 0 || sessions[0].TryGetProperty("joinLink", out _);
        return kept ? snapshot : snapshot with { JoinLinksKept = false };
    }

    public static string Write(ReleaseSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Json);

    /// <summary>What a withdrawn person (their data erased) is shown as wherever one name serves every reader: both languages.</summary>
    public static string WithdrawnName(Localizer localizer) =>
        $"{localizer.Get(Localizer.English, "programme.person.withdrawn")} / {localizer.Get(Localizer.Chinese, "programme.person.withdrawn")}";

    /// <summary>
    /// The programme's people among <paramref name="ids"/> as shown now: a guest's name, organisation and position from the guests module's
    /// card (a guest whose record is gone is left out), a remote speaker's as kept here, and a person whose data was erased as "Speaker withdrawn"
    /// in both languages (the session keeps its place for them; docs/adr/0038).
    /// </summary>
    public async Task<Dictionary<Guid, ReleasePerson>> PeopleAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var wanted = ids.ToHashSet();
        var people = await db.Set<ProgrammePerson>().AsNoTracking().Where(p => wanted.Contains(p.Id)).ToListAsync(ct);
        var cards = (await guests.GetCardsAsync([.. people.Where(p => p.GuestId is not null).Select(p => p.GuestId!.Value).Distinct()], ct))
            .ToDictionary(c => c.Id);
        var shown = new Dictionary<Guid, ReleasePerson>();
        foreach (var p in people)
        {
            if (p.IsWithdrawn)
            {
                shown[p.Id] = new ReleasePerson(p, WithdrawnName(localizer), "", null);
            }
            else if (p.GuestId is not { } guestId)
            {
                shown[p.Id] = new ReleasePerson(p, p.Name, p.Organisation, null);
            }
            else if (cards.TryGetValue(guestId, out var card))
            {
                shown[p.Id] = new ReleasePerson(p, card.Name, card.Organisation, card.Position);
            }
        }

        return shown;
    }
}
