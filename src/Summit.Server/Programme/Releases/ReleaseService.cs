using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Summit.Server.Events.Contracts;
using Summit.Server.Infrastructure.Audit;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Programme.Rules;
using Summit.Server.Programme.Sessions;
using Summit.Server.Programme.Timetable;

namespace Summit.Server.Programme.Releases;

/// <summary>
/// Staff edit the draft; a release freezes it as the next numbered version (docs/adr/0032): a snapshot of every placed session, who released
/// it and when, with a comment. A release is refused while a conflict whose rule stops the release (or the edit) remains
/// (programme.release_blocked, the conflicts in details.conflicts), and when nothing changed since the latest version
/// (programme.release_unchanged). On release everyone its changes concern is told (<see cref="ReleaseNotices"/>) in the same transaction.
/// </summary>
public sealed class ReleaseService(SummitDbContext db, IEventCalendar events, AuditLog audit, CurrentActor actor, Localizer localizer, ProgrammeReader reader,
    ReleaseReader releases, ReleaseTexts texts, ReleaseNotices notices, TimeProvider clock)
{
    public async Task<List<ReleaseSummary>> ListAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        return await db.Set<ProgrammeRelease>().AsNoTracking().Where(r => r.EventId == summitEvent.Id).OrderByDescending(r => r.Number)
            .Select(r => new ReleaseSummary(r.Id, r.Number, r.ReleasedAt, r.ReleasedBy, r.Comment, r.SessionCount, r.NoticeCount)).ToListAsync(ct);
    }

    /// <summary>A released version and its changelog against the one before it.</summary>
    public async Task<ReleaseView> GetAsync(int number, CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var (release, previous) = await releases.WithPreviousAsync(summitEvent.Id, number, ct);
        if (release is null)
        {
            throw new SummitException(SummitError.NotFound(ProgrammeErrors.ReleaseNotFound, number));
        }

        var changes = ReleaseChangelog.Compare(previous is null ? null : ReleaseReader.Read(previous), ReleaseReader.Read(release));
        return new ReleaseView(Summary(release), await ViewsAsync(changes, ct));
    }

    /// <summary>What a release now would change, and what stops it.</summary>
    public async Task<ReleasePreview> PreviewAsync(CancellationToken ct = default)
    {
        var summitEvent = await events.GetCurrentAsync(ct);
        var draft = await DraftAsync(summitEvent.Id, ct);
        return new ReleasePreview(draft.Latest?.Number, await ViewsAsync(draft.Changes, ct), draft.Blocking);
    }

    /// <summary>Releases the draft as the next version and tells the people its changes concern.</summary>
    public async Task<ReleaseView> ReleaseAsync(ReleaseInput input, CancellationToken ct = default)
    {
        var checks = new FieldChecks(localizer);
        var comment = ProgrammeFields.Optional(checks, "comment", "programme.field.comment", input.Comment, ProgrammeLimits.CommentLength);
        checks.ThrowIfAny();
        var summitEvent = await events.GetCurrentAsync(ct);
        var draft = await DraftAsync(summitEvent.Id, ct);
        if (draft.Blocking.Count > 0)
        {
            throw new SummitException(SummitError.Conflict(ProgrammeErrors.ReleaseBlocked, draft.Blocking.Count, draft.Blocking[0].Message),
                new ProgrammeRefusal(draft.Blocking, []));
        }

        // Against a version released before links were kept, the links are no change of the changelog, but still something to release.
        var firstLinks = draft.Latest is not null && !ReleaseReader.Read(draft.Latest).JoinLinksKept && draft.Snapshot.Sessions.Any(s => s.JoinLink is not null);
        if (draft.Changes.Count == 0 && !firstLinks)
        {
            throw new SummitException(SummitError.Conflict(ProgrammeErrors.ReleaseUnchanged, draft.Latest?.Number ?? 0));
        }

        var who = await actor.GetAsync();
        var release = new ProgrammeRelease
        {
            EventId = summitEvent.Id,
            Number = (draft.Latest?.Number ?? 0) + 1,
            ReleasedAt = clock.GetUtcNow(),
            ReleasedBy = who.Name.Length > ProgrammeLimits.NameLength ? who.Name[..ProgrammeLimits.NameLength] : who.Name,
            ReleasedByUserId = who.Id,
            Comment = comment,
            Snapshot = ReleaseReader.Write(draft.Snapshot),
            SessionCount = draft.Snapshot.Sessions.Count,
        };
        var people = await releases.PeopleAsync(draft.Changes.SelectMany(c => c.People), ct);
        release.NoticeCount = await notices.QueueAsync(release, summitEvent, await events.TimeZoneAsync(ct), draft.Changes, people, ct);
        db.Set<ProgrammeRelease>().Add(release);
        await audit.RecordAsync(ProgrammeAudit.Released, "programme_release", release.Id.ToString(), new Dictionary<string, (object?, object?)>
        {
            ["number"] = (draft.Latest?.Number, release.Number),
            ["sessions"] = (null, release.SessionCount),
            ["changes"] = (null, string.Join(", ", draft.Changes.GroupBy(c => c.Kind).Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key} {g.Count()}")))),
            ["notices"] = (null, release.NoticeCount),
            ["comment"] = (null, comment),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // The unique (event, number): someone else released this number a moment ago; nothing of this release was written.
            throw new SummitException(SummitError.Conflict(ProgrammeErrors.ReleaseConcurrent, release.Number));
        }

        return new ReleaseView(Summary(release), await ViewsAsync(draft.Changes, ct));
    }

    private async Task<Draft> DraftAsync(Guid eventId, CancellationToken ct)
    {
        var state = await reader.LoadAsync(eventId, ct);
        var blocking = state.Check().Where(c => c.Severity is RuleSeverity.BlockEdit or RuleSeverity.BlockRelease).ToList();
        var snapshot = await SnapshotAsync(eventId, state, ct);
        var latest = await releases.LatestAsync(eventId, ct);
        var changes = ReleaseChangelog.Compare(latest is null ? null : ReleaseReader.Read(latest), snapshot);
        return new Draft(latest, snapshot, changes, blocking.Count == 0 ? [] : await reader.DescribeAsync(blocking, state, null, ct));
    }

    /// <summary>The draft as it would be released: every session placed in a room the venues list, with its forum.</summary>
    private async Task<ReleaseSnapshot> SnapshotAsync(Guid eventId, ProgrammeState state, CancellationToken ct)
    {
        var sessions = state.Sessions
            .Where(s => s.RoomId is { } room && state.Rooms.ContainsKey(room) && s.StartsAt is not null && s.EndsAt is not null)
            .OrderBy(s => s.StartsAt).ThenBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s =>
            {
                var room = state.Rooms[s.RoomId!.Value];
                return new ReleasedSession(s.Id, s.ForumId, s.Kind, s.TitleEn, s.TitleZh, s.AbstractEn, s.AbstractZh, s.Language, s.ChannelList, s.Format,
                    room.Id, room.Code, room.NameEn, room.NameZh, room.VenueId, room.VenueNameEn, room.VenueNameZh, s.StartsAt!.Value, s.EndsAt!.Value,
                    [.. s.Participants.OrderBy(p => p.Role).ThenBy(p => p.ProtocolOrder).Select(p => new ReleasedParticipant(p.PersonId, p.Role, p.ProtocolOrder))],
                    s.JoinLink, s.JoinLink is not null && s.JoinLinkPublic);
            }).ToList();
        var forumIds = sessions.Select(s => s.ForumId).ToHashSet();
        var forums = await db.Set<Forum>().AsNoTracking().Where(f => f.EventId == eventId && forumIds.Contains(f.Id))
            .OrderBy(f => f.SortOrder).ThenBy(f => f.TitleEn).Select(f => new ReleasedForum(f.Id, f.Kind, f.TitleEn, f.TitleZh, f.Sector, f.SortOrder))
            .ToListAsync(ct);
        return new ReleaseSnapshot(forums, sessions);
    }

    private async Task<List<ChangeView>> ViewsAsync(IReadOnlyList<SessionChange> changes, CancellationToken ct)
    {
        var people = await releases.PeopleAsync(changes.SelectMany(c => c.Added.Concat(c.Removed)).Select(p => p.PersonId), ct);
        var zone = await events.TimeZoneAsync(ct);
        var language = Localizer.LanguageOf(CultureInfo.CurrentUICulture);
        return [.. changes.Select(c => texts.View(c, language, zone, people))];
    }

    private static ReleaseSummary Summary(ProgrammeRelease r) => new(r.Id, r.Number, r.ReleasedAt, r.ReleasedBy, r.Comment, r.SessionCount, r.NoticeCount);

    private sealed record Draft(ProgrammeRelease? Latest, ReleaseSnapshot Snapshot, IReadOnlyList<SessionChange> Changes, IReadOnlyList<ProgrammeConflictView> Blocking);
}
