using System.Globalization;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Programme.Export;
using Summit.Server.Programme.Releases;

namespace Summit.Server.Programme.Public;

/// <summary>
/// The public programme: the LATEST RELEASED version only, never the draft, to anyone without signing in. It shows sessions, rooms and the
/// people on stage (chairs, moderators, speakers, panellists; interpreters are crew, not billed) with their name, organisation and a guest's
/// position, nothing else of their records; a person is public only while in a session of the latest release. Before the first release
/// everything answers programme.not_released (404).
/// </summary>
[OpenToEveryone]
public sealed class PublicProgrammeService(IEventCalendar events, ReleaseReader releases, ReleaseTexts texts, Localizer localizer,
    PublishedProgrammeCache cache)
{
    public async Task<PublicProgrammeView> ProgrammeAsync(PublicProgrammeQuery query, CancellationToken ct = default)
    {
        var checks = new FieldChecks(localizer);
        var language = ProgrammeFields.Optional(checks, "language", "programme.public.language", query.Language, ProgrammeLimits.LanguageLength);
        if (language.Length is > 0 and <= ProgrammeLimits.LanguageLength && !ProgrammeFields.IsLanguage(language))
        {
            checks.Add("language", "programme.public.language", ProgrammeErrors.LanguageInvalid, language);
        }

        checks.ThrowIfAny();
        var published = await PublishedAsync(ct);
        var sessions = published.Sessions.Where(s => (query.Day is null || s.Day == query.Day) && (query.ForumId is null || s.ForumId == query.ForumId)
            && (query.RoomId is null || s.RoomId == query.RoomId)
            && (language.Length == 0 || string.Equals(s.Language, language, StringComparison.OrdinalIgnoreCase)
                || s.Channels.Any(c => string.Equals(c, language, StringComparison.OrdinalIgnoreCase)))).ToList();
        var rooms = published.Snapshot.Sessions.DistinctBy(s => s.RoomId).OrderBy(s => s.VenueNameEn, StringComparer.Ordinal).ThenBy(s => s.RoomCode, StringComparer.Ordinal)
            .Select(s => new PublicRoom(s.RoomId, s.RoomNameEn, s.RoomNameZh, s.VenueNameEn, s.VenueNameZh)).ToList();
        var languages = published.Snapshot.Sessions.SelectMany(s => s.Channels.Prepend(s.Language)).Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderBy(l => l, StringComparer.Ordinal).ToList();
        return new PublicProgrammeView(published.Event.Name, published.Event.NameZh, published.Release.Number, published.Release.ReleasedAt, published.Event.TimeZoneId, published.Days,
            [.. published.Snapshot.Forums.Select(f => new PublicForum(f.Id, f.Kind, f.TitleEn, f.TitleZh, f.Sector))], rooms, languages, sessions);
    }

    /// <summary>Everyone on stage in the released programme, by name, with their sessions.</summary>
    public async Task<List<PublicSpeaker>> SpeakersAsync(CancellationToken ct = default)
    {
        var published = await PublishedAsync(ct);
        return [.. published.People.Values.Where(p => !p.Person.IsWithdrawn).Select(p => Speaker(p, published)).OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    public async Task<PublicSpeaker> SpeakerAsync(Guid id, CancellationToken ct = default)
    {
        var published = await PublishedAsync(ct);
        return published.People.TryGetValue(id, out var person) && !person.Person.IsWithdrawn
            ? Speaker(person, published)
            : throw new SummitException(SummitError.NotFound(ProgrammeErrors.SpeakerNotFound, id));
    }

    /// <summary>What the latest release changed against the one before it.</summary>
    public async Task<PublicChanges> ChangesAsync(CancellationToken ct = default)
    {
        var published = await PublishedAsync(ct);
        var (_, previous) = await releases.WithPreviousAsync(published.Event.Id, published.Release.Number, ct);
        var changes = ReleaseChangelog.Compare(previous is null ? null : ReleaseReader.Read(previous), published.Snapshot);
        var language = Localizer.LanguageOf(CultureInfo.CurrentUICulture);
        var shown = changes.Select(Public).Where(c => c.Kind != ChangeKind.PeopleChanged || c.Added.Count + c.Removed.Count > 0).ToList();
        var people = await releases.PeopleAsync(shown.SelectMany(c => c.Added.Concat(c.Removed)).Select(p => p.PersonId), ct);
        return new PublicChanges(published.Release.Number, published.Release.ReleasedAt, published.Release.Comment,
            [.. shown.Select(c => texts.View(c, language, published.Zone, people))]);
    }

    /// <summary>
    /// The latest release with what the export needs: the event, its zone, the snapshot and the public names of its people; kept between
    /// requests while it stays the latest (<see cref="PublishedProgrammeCache"/>).
    /// </summary>
    public async Task<PublishedProgramme> PublishedAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var latest = await releases.LatestNumberAsync(summitEvent.Id, ct) ?? throw new SummitException(SummitError.NotFound(ProgrammeErrors.NotReleased));
        if (cache.Find(summitEvent, latest) is { } kept)
        {
            return kept;
        }

        var published = await ReadAsync(summitEvent, ct);
        cache.Keep(published);
        return published;
    }

    private async Task<PublishedProgramme> ReadAsync(EventFacts summitEvent, CancellationToken ct)
    {
        var release = await releases.LatestAsync(summitEvent.Id, ct)
            ?? throw new SummitException(SummitError.NotFound(ProgrammeErrors.NotReleased));
        var snapshot = ReleaseReader.Read(release);
        var zone = EventTime.Zone(summitEvent.TimeZoneId);
        var onStage = snapshot.Sessions.SelectMany(s => s.Participants).Where(p => p.Role != ParticipantRole.Interpreter).Select(p => p.PersonId);
        var people = await releases.PeopleAsync(onStage, ct);
        var sessions = snapshot.Sessions.Select(s => new PublicSession(s.Id, s.ForumId, s.Kind, s.TitleEn, s.TitleZh, s.AbstractEn, s.AbstractZh, s.Language,
            s.Channels, s.Format, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(s.StartsAt, zone).DateTime), s.StartsAt, s.EndsAt, s.RoomId, s.RoomNameEn,
            s.RoomNameZh, s.VenueNameEn, s.VenueNameZh,
            [.. s.Participants.Where(p => p.Role != ParticipantRole.Interpreter && people.ContainsKey(p.PersonId))
                .Select(p => new PublicParticipant(p.PersonId, people[p.PersonId].Name, p.Role, people[p.PersonId].Person.IsWithdrawn))],
            s.Format == SessionFormat.InPerson ? null : s.PublicJoinLink)).ToList();
        var days = Enumerable.Range(0, summitEvent.EndDate.DayNumber - summitEvent.StartDate.DayNumber + 1).Select(summitEvent.StartDate.AddDays).ToList();
        return new PublishedProgramme(summitEvent, zone, release, snapshot, sessions, people, days);
    }

    /// <summary>
    /// The latest release as the schedule export writes it: titles in <paramref name="language"/> (English or Chinese), links under
    /// <paramref name="baseUrl"/>, people on stage by their public names.
    /// </summary>
    public async Task<ScheduleSource> ExportAsync(string? language, string baseUrl, CancellationToken ct = default)
    {
        if (!string.IsNullOrEmpty(language) && !Localizer.IsSupported(language))
        {
            var checks = new FieldChecks(localizer);
            checks.Add("language", "programme.public.language", ProgrammeErrors.LanguageInvalid, language.Length > ProgrammeLimits.LanguageLength
                ? language[..ProgrammeLimits.LanguageLength] + "…" : language);
            checks.ThrowIfAny();
        }

        var published = await PublishedAsync(ct);
        var chosen = Localizer.NormalizeLanguage(language);
        var e = published.Event;
        return new ScheduleSource(chosen == Localizer.Chinese ? e.NameZh : e.Name, ScheduleExport.Slug(e.Name), e.StartDate, e.EndDate, published.Zone,
            published.Release.Number, baseUrl, chosen, published.Snapshot.Forums, published.Snapshot.Sessions,
            published.People.ToDictionary(p => p.Key, p => p.Value.Name), localizer.Get(chosen, "programme.public.join"));
    }

    private static PublicSpeaker Speaker(ReleasePerson person, PublishedProgramme published) =>
        new(person.Person.Id, person.Name, person.Organisation, person.Position, [.. published.Sessions.Where(s => s.People.Any(p => p.PersonId == person.Person.Id))]);

    /// <summary>A change as the public may read it: interpreters, who are not billed, are left out of who joined and who left.</summary>
    private static SessionChange Public(SessionChange change) => change with
    {
        Added = [.. change.Added.Where(p => p.Role != ParticipantRole.Interpreter)],
        Removed = [.. change.Removed.Where(p => p.Role != ParticipantRole.Interpreter)],
    };
}
