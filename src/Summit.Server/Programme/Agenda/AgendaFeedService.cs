using System.Security.Cryptography;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Security;
using Summit.Server.Programme.Releases;

namespace Summit.Server.Programme.Agenda;

/// <summary>
/// A guest's personal iCalendar feed (RFC 5545, written by Ical.Net: docs/adr/0028), read without signing in by whoever holds its address:
/// the feed's id and a 256-bit key whose hash is compared in constant time. It holds the guest's chosen sessions and those they appear in,
/// from the latest release: titles in the guest's language, room and venue in the location, times in the guest's zone (the one they chose in
/// the portal, else the event's) with a full VTIMEZONE (its STANDARD and DAYLIGHT rules, which a calendar needs to convert), each session under
/// a stable UID (its id) with the release number as its SEQUENCE, so a calendar updates it in place; a chosen session the latest release no
/// longer has is sent as CANCELLED. An online or hybrid session carries its join link as the URL and in the description; an online one has it
/// as the location too, a hybrid one keeps its room there.
/// </summary>
public sealed class AgendaFeedService(SummitDbContext db, AgendaReader agendas, ReleaseReader releases, IGuestDirectory guests, Localizer localizer)
{
    public const string ProductId = "-//Summit//Programme agenda//EN";

    /// <summary>The UID domain of the feed's events: "{session id}@programme.summit".</summary>
    public const string UidDomain = "programme.summit";

    /// <summary>The longest key accepted before any lookup (a real key has 43 characters).</summary>
    public const int MaxKeyLength = 100;

    /// <exception cref="SummitException">programme.feed_not_found (404) for an unknown, revoked or forged address, whatever was wrong with it.</exception>
    public async Task<string> CalendarAsync(Guid feedId, string key, CancellationToken ct = default)
    {
        var feed = string.IsNullOrEmpty(key) || key.Length > MaxKeyLength ? null
            : await db.Set<AgendaFeed>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == feedId, ct);
        if (feed is null || !CryptographicOperations.FixedTimeEquals(Convert.FromHexString(Tokens.Hash(key)), Convert.FromHexString(feed.KeyHash)))
        {
            throw new SummitException(SummitError.NotFound(ProgrammeErrors.FeedNotFound));
        }

        var card = await guests.FindAsync(feed.GuestId, ct) ?? throw new SummitException(SummitError.NotFound(ProgrammeErrors.FeedNotFound));
        var language = Localizer.NormalizeLanguage(card.Language);
        var eventZoneId = await agendas.TimeZoneIdAsync(feed.EventId, ct);
        var zoneId = await guests.TimeZoneOfAsync(feed.GuestId, ct) ?? eventZoneId;
        var release = await releases.LatestAsync(feed.EventId, ct);
        var entries = release is null ? [] : await agendas.EntriesAsync(feed.EventId, feed.GuestId, ReleaseReader.Read(release), ct);
        return Write(entries, language, zoneId, eventZoneId, release);
    }

    private string Write(IReadOnlyList<AgendaEntry> entries, string language, string zoneId, string eventZoneId, ProgrammeRelease? release)
    {
        var chinese = language == Localizer.Chinese;
        var zone = EventTime.Zone(zoneId);
        var eventZone = EventTime.Zone(eventZoneId);
        var calendar = new Ical.Net.Calendar { ProductId = ProductId };
        // The zone's rules from a year before the first session: a VTIMEZONE with only its TZID (what `new VTimeZone(id)` writes) is invalid
        // (RFC 5545 3.6.5 wants a STANDARD or DAYLIGHT part), and a calendar that does not know the id cannot convert the times.
        var earliest = entries.Count == 0 ? (release?.ReleasedAt ?? DateTimeOffset.UnixEpoch).UtcDateTime : entries.Min(e => e.StartsAt).UtcDateTime;
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zoneId, earliest.AddYears(-1), includeHistoricalData: false));
        calendar.AddProperty("X-WR-CALNAME", localizer.Get(language, "programme.agenda.feed_name"));
        calendar.AddProperty("X-WR-TIMEZONE", zoneId);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT1H");
        CalDateTime Local(DateTimeOffset at) => new(TimeZoneInfo.ConvertTime(at, zone).DateTime, zoneId);
        foreach (var entry in entries)
        {
            var roles = entry.Roles.Select(r => localizer.Get(language, $"enum.ParticipantRole.{r}")).ToList();
            var description = new List<string>();
            if (roles.Count > 0)
            {
                description.Add(localizer.Format(language, "programme.agenda.feed_roles", string.Join(", ", roles)));
            }

            if (entry.State == AgendaEntryState.Moved)
            {
                description.Add(localizer.Get(language, "programme.agenda.feed_moved"));
            }

            if (eventZone.GetUtcOffset(entry.StartsAt) != zone.GetUtcOffset(entry.StartsAt))
            {
                description.Add(localizer.Format(language, "programme.agenda.feed_event_time",
                    EventTime.Format(entry.StartsAt, eventZone) + "–"
                    + TimeZoneInfo.ConvertTime(entry.EndsAt, eventZone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), eventZoneId));
            }

            if (entry.JoinLink is { } join)
            {
                description.Add(localizer.Format(language, "programme.agenda.feed_join", join));
            }

            var room = chinese
                ? $"{Either(entry.RoomNameZh, entry.RoomNameEn)}, {Either(entry.VenueNameZh, entry.VenueNameEn)}"
                : $"{entry.RoomNameEn}, {entry.VenueNameEn}";

            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{entry.SessionId}@{UidDomain}",
                Sequence = release?.Number ?? 0,
                DtStamp = new CalDateTime((release?.ReleasedAt ?? DateTimeOffset.UnixEpoch).UtcDateTime),
                DtStart = Local(entry.StartsAt),
                DtEnd = Local(entry.EndsAt),
                Summary = chinese && entry.TitleZh.Length > 0 ? entry.TitleZh : entry.TitleEn,
                // The room where people meet; an online session is met at its link.
                Location = entry.JoinLink is { } online && entry.Format == SessionFormat.Online ? online : room,
                Url = entry.JoinLink is { } link ? new Uri(link) : null,
                Description = description.Count == 0 ? null : string.Join("\n", description),
                Status = entry.State == AgendaEntryState.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
                Transparency = TransparencyType.Opaque,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static string Either(string preferred, string fallback) => preferred.Length > 0 ? preferred : fallback;
}
