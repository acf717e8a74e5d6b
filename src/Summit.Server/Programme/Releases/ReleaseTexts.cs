using System.Globalization;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Programme.Releases;

/// <summary>Writes a release's changes in a given language, for its page, the public programme and the notices alike.</summary>
public sealed class ReleaseTexts(Localizer localizer)
{
    public ChangeView View(SessionChange change, string language, TimeZoneInfo zone, IReadOnlyDictionary<Guid, ReleasePerson> people) =>
        new(change.Kind, change.SessionId, Title(change.Current, language), Describe(change, language, zone, people), change.After?.RoomCode,
            change.After?.StartsAt, change.After?.EndsAt, change.Before?.RoomCode, change.Before?.StartsAt,
            [.. change.Added.Select(p => Who(p, language, people))], [.. change.Removed.Select(p => Who(p, language, people))]);

    /// <summary>One sentence: "Moved: "Opening ceremony" from 2021-09-26 09:00–10:00, Main hall to 2021-09-26 09:30–10:30, Main hall."</summary>
    public string Describe(SessionChange change, string language, TimeZoneInfo zone, IReadOnlyDictionary<Guid, ReleasePerson> people)
    {
        var title = Title(change.Current, language);
        return change.Kind switch
        {
            ChangeKind.New => localizer.Format(language, "programme.change.New", title, Where(change.After!, language, zone)),
            ChangeKind.Moved => localizer.Format(language, "programme.change.Moved", title, Where(change.Before!, language, zone), Where(change.After!, language, zone)),
            ChangeKind.Cancelled => localizer.Format(language, "programme.change.Cancelled", title, Where(change.Before!, language, zone)),
            ChangeKind.Retitled => localizer.Format(language, "programme.change.Retitled", title, Title(change.Before!, language)),
            // The link itself only when the public may read it: the changelog is public and the mails go out of Summit.
            ChangeKind.JoinLinkChanged => change.After is { Format: not SessionFormat.InPerson, PublicJoinLink: { } link }
                ? localizer.Format(language, "programme.change.JoinLinkChanged_public", title, link)
                : localizer.Format(language, "programme.change.JoinLinkChanged", title),
            _ => localizer.Format(language, "programme.change.PeopleChanged", title,
                List(change.Added.Select(p => Who(p, language, people)), language), List(change.Removed.Select(p => Who(p, language, people)), language)),
        };
    }

    public static string Title(ReleasedSession session, string language) => language == Localizer.Chinese ? session.TitleZh : session.TitleEn;

    public static string Room(ReleasedSession session, string language) => language == Localizer.Chinese ? session.RoomNameZh : session.RoomNameEn;

    /// <summary>"2021-09-26 09:00–10:30, Main forum hall" in the event's zone.</summary>
    public string Where(ReleasedSession session, string language, TimeZoneInfo zone) =>
        localizer.Format(language, "programme.change.where", EventTime.Unlabelled(session.StartsAt, zone),
            TimeZoneInfo.ConvertTime(session.EndsAt, zone).ToString("HH:mm", CultureInfo.InvariantCulture), Room(session, language));

    private string Who(ReleasedParticipant participant, string language, IReadOnlyDictionary<Guid, ReleasePerson> people) =>
        localizer.Format(language, "programme.change.who", people.TryGetValue(participant.PersonId, out var person) ? person.Name : "?",
            localizer.Get(language, $"enum.ParticipantRole.{participant.Role}"));

    private string List(IEnumerable<string> names, string language)
    {
        var list = names.ToList();
        return list.Count == 0 ? localizer.Get(language, "programme.change.nobody") : string.Join(language == Localizer.Chinese ? "、" : ", ", list);
    }
}
