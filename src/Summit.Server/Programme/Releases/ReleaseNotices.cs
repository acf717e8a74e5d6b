using System.Net;
using Summit.Server.Events.Contracts;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Mail;
using Summit.Server.Venues.Contracts;

namespace Summit.Server.Programme.Releases;

/// <summary>
/// Tells everyone a release concerns what changed for them: one mail per person per release listing the changes of their sessions (those
/// they are in now or were in before). A guest is mailed through the guests module (<see cref="IGuestDirectory.QueueNoticeAsync"/>, which
/// keeps the address and the language); a remote speaker at the address kept here, in English and Chinese (the programme does not know
/// their language). Each room's crew, where the venue manager gave its address (<see cref="ReservableRoom.CrewEmail"/>), gets one mail
/// listing the sessions that move into, out of or within its rooms, in both languages. The mails join the release's unit of work: a
/// release that fails tells nobody.
/// </summary>
public sealed class ReleaseNotices(SummitDbContext db, IGuestDirectory guests, IRoomReservations rooms, ReleaseTexts texts, Localizer localizer,
    TimeProvider clock)
{
    public const string MailKind = "programme.release";

    /// <summary>Queues the notices of <paramref name="release"/>; returns how many people (and crews) will be mailed.</summary>
    public async Task<int> QueueAsync(ProgrammeRelease release, EventFacts summitEvent, TimeZoneInfo zone, IReadOnlyList<SessionChange> changes,
        IReadOnlyDictionary<Guid, ReleasePerson> people, CancellationToken ct = default)
    {
        var sent = 0;
        foreach (var (personId, theirs) in ReleaseChangelog.ByPerson(changes).OrderBy(p => p.Key))
        {
            if (!people.TryGetValue(personId, out var person))
            {
                continue;
            }

            GuestNoticeText Compose(string language) => new(
                localizer.Format(language, "programme.notice.subject", EventName(summitEvent, language), release.Number),
                [
                    localizer.Format(language, "programme.notice.intro", EventName(summitEvent, language), release.Number, theirs.Count),
                    .. theirs.Select(c => texts.Describe(c, language, zone, people)),
                    localizer.Format(language, "programme.notice.zone", EventTime.Label(theirs[0].Current.StartsAt, zone)),
                ]);

            if (person.Person.GuestId is { } guestId)
            {
                sent += await guests.QueueNoticeAsync(guestId, null, MailKind, Compose, ct) ? 1 : 0;
            }
            else if (person.Person.Email.Length > 0)
            {
                QueueInBothLanguages(person.Person.Email, person.Name, Compose);
                sent++;
            }
        }

        return sent + await QueueCrewNoticesAsync(release, summitEvent, zone, changes, people, ct);
    }

    /// <summary>One mail per crew address, listing the changes of the sessions in its rooms before or after the release.</summary>
    private async Task<int> QueueCrewNoticesAsync(ProgrammeRelease release, EventFacts summitEvent, TimeZoneInfo zone, IReadOnlyList<SessionChange> changes,
        IReadOnlyDictionary<Guid, ReleasePerson> people, CancellationToken ct)
    {
        if (changes.Count == 0)
        {
            return 0;
        }

        var crewed = (await rooms.ListRoomsAsync(ct)).Where(r => r.CrewEmail.Length > 0).ToList();
        var sent = 0;
        foreach (var crew in crewed.GroupBy(r => r.CrewEmail, StringComparer.OrdinalIgnoreCase).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var roomIds = crew.Select(r => r.Id).ToHashSet();
            var theirs = changes.Where(c => (c.Before is { } before && roomIds.Contains(before.RoomId)) || (c.After is { } after && roomIds.Contains(after.RoomId)))
                .ToList();
            if (theirs.Count == 0)
            {
                continue;
            }

            var codes = string.Join(", ", crew.Select(r => r.Code).Order(StringComparer.Ordinal));
            GuestNoticeText Compose(string language) => new(
                localizer.Format(language, "programme.notice.crew_subject", EventName(summitEvent, language), release.Number, codes),
                [
                    localizer.Format(language, "programme.notice.crew_intro", EventName(summitEvent, language), release.Number, theirs.Count, codes),
                    .. theirs.Select(c => texts.Describe(c, language, zone, people)),
                    localizer.Format(language, "programme.notice.zone", EventTime.Label(theirs[0].Current.StartsAt, zone)),
                ]);
            QueueInBothLanguages(crew.Key, localizer.Get(Localizer.English, "programme.notice.crew_name"), Compose);
            sent++;
        }

        return sent;
    }

    /// <summary>A mail in English then Chinese, for an address whose reader's language Summit does not know; joins the unit of work.</summary>
    private void QueueInBothLanguages(string address, string name, Func<string, GuestNoticeText> compose)
    {
        var (english, chinese) = (compose(Localizer.English), compose(Localizer.Chinese));
        var paragraphs = english.Paragraphs.Append(localizer.Get(Localizer.English, "programme.notice.signature"))
            .Concat(chinese.Paragraphs.Append(localizer.Get(Localizer.Chinese, "programme.notice.signature"))).ToList();
        var subject = $"{english.Subject} / {chinese.Subject}";
        db.OutgoingMails.Add(new OutgoingMail
        {
            ToAddress = address,
            ToName = name,
            Subject = subject.Length > 500 ? subject[..500] : subject,
            TextBody = string.Join("\n\n", paragraphs),
            HtmlBody = string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>")),
            Kind = MailKind,
            CreatedAt = clock.GetUtcNow(),
        });
    }

    private static string EventName(EventFacts summitEvent, string language) => language == Localizer.Chinese ? summitEvent.NameZh : summitEvent.Name;
}
