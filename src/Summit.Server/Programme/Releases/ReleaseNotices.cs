using System.Net;
using Summit.Server.Events.Contracts;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Infrastructure.Mail;

namespace Summit.Server.Programme.Releases;

/// <summary>
/// Tells everyone a release concerns what changed for them: one mail per person per release listing the changes of their sessions (those
/// they are in now or were in before). A guest is mailed through the guests module (<see cref="IGuestDirectory.QueueNoticeAsync"/>, which
/// keeps the address and the language); a remote speaker at the address kept here, in English and Chinese (the programme does not know
/// their language). The mails join the release's unit of work: a release that fails tells nobody.
/// </summary>
public sealed class ReleaseNotices(SummitDbContext db, IGuestDirectory guests, ReleaseTexts texts, Localizer localizer, TimeProvider clock)
{
    public const string MailKind = "programme.release";

    /// <summary>Queues the notices of <paramref name="release"/>; returns how many people will be mailed.</summary>
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
                var (english, chinese) = (Compose(Localizer.English), Compose(Localizer.Chinese));
                var paragraphs = english.Paragraphs.Append(localizer.Get(Localizer.English, "programme.notice.signature"))
                    .Concat(chinese.Paragraphs.Append(localizer.Get(Localizer.Chinese, "programme.notice.signature"))).ToList();
                var subject = $"{english.Subject} / {chinese.Subject}";
                db.OutgoingMails.Add(new OutgoingMail
                {
                    ToAddress = person.Person.Email,
                    ToName = person.Name,
                    Subject = subject.Length > 500 ? subject[..500] : subject,
                    TextBody = string.Join("\n\n", paragraphs),
                    HtmlBody = string.Concat(paragraphs.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>")),
                    Kind = MailKind,
                    CreatedAt = clock.GetUtcNow(),
                });
                sent++;
            }
        }

        return sent;
    }

    private static string EventName(EventFacts summitEvent, string language) => language == Localizer.Chinese ? summitEvent.NameZh : summitEvent.Name;
}
