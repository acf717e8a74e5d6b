using Summit.Server.Programme;
using Summit.Server.Programme.Releases;

namespace Summit.Tests.Programme.Releases;

/// <summary>The changelog alone: two snapshots in, the changes out (new, moved, cancelled, people changed, retitled) and who each concerns.</summary>
public sealed class ReleaseChangelogTests
{
    private static readonly DateTimeOffset Nine = new(2021, 9, 26, 9, 0, 0, TimeSpan.FromHours(8));
    private static readonly Guid RoomA = Guid.NewGuid();
    private static readonly Guid RoomB = Guid.NewGuid();
    private static readonly Guid Ana = Guid.NewGuid();
    private static readonly Guid Ben = Guid.NewGuid();
    private static readonly Guid Chen = Guid.NewGuid();

    [Fact]
    public void Before_the_first_release_every_session_is_new()
    {
        var a = Session("Opening", Nine, RoomA, (Ana, ParticipantRole.Chair, 1));
        var b = Session("Keynotes", Nine.AddHours(2), RoomA);

        var changes = ReleaseChangelog.Compare(null, Snapshot(b, a));

        Assert.Equal([(ChangeKind.New, a.Id), (ChangeKind.New, b.Id)], changes.Select(c => (c.Kind, c.SessionId)));
        Assert.All(changes, c => Assert.Null(c.Before));
    }

    [Fact]
    public void The_same_snapshot_twice_changes_nothing_and_a_new_protocol_order_alone_is_no_change()
    {
        var a = Session("Opening", Nine, RoomA, (Ana, ParticipantRole.Chair, 1), (Ben, ParticipantRole.Speaker, 1));
        var reordered = a with { Participants = [new ReleasedParticipant(Ana, ParticipantRole.Chair, 2), new ReleasedParticipant(Ben, ParticipantRole.Speaker, 1)] };

        Assert.Empty(ReleaseChangelog.Compare(Snapshot(a), Snapshot(a)));
        Assert.Empty(ReleaseChangelog.Compare(Snapshot(a), Snapshot(reordered)));
    }

    [Fact]
    public void A_session_moved_in_time_or_room_retitled_cancelled_or_added_is_each_named_once_in_the_order_of_time()
    {
        var opening = Session("Opening", Nine, RoomA);
        var panel = Session("Panel", Nine.AddHours(2), RoomA);
        var dialogue = Session("Dialogue", Nine.AddHours(4), RoomA);
        var closing = Session("Closing", Nine.AddHours(6), RoomA);
        var later = panel with { StartsAt = panel.StartsAt.AddMinutes(30), EndsAt = panel.EndsAt.AddMinutes(30) };
        var elsewhere = dialogue with { RoomId = RoomB, RoomCode = "B", TitleZh = "对话（新）" };
        var added = Session("Signing ceremony", Nine.AddHours(1), RoomB);

        var changes = ReleaseChangelog.Compare(Snapshot(opening, panel, dialogue, closing), Snapshot(opening, added, later, elsewhere));

        Assert.Equal(
            [(ChangeKind.New, added.Id), (ChangeKind.Moved, panel.Id), (ChangeKind.Moved, dialogue.Id), (ChangeKind.Retitled, dialogue.Id),
                (ChangeKind.Cancelled, closing.Id)],
            changes.Select(c => (c.Kind, c.SessionId)));
        var moved = changes[1];
        Assert.Equal((panel.StartsAt, later.StartsAt), (moved.Before!.StartsAt, moved.After!.StartsAt));
        Assert.Null(changes[^1].After);
        Assert.Equal(closing, changes[^1].Current);
    }

    [Fact]
    public void People_who_join_leave_or_change_role_are_listed_and_each_person_gets_their_own_changes()
    {
        var panel = Session("Panel", Nine, RoomA, (Ana, ParticipantRole.Moderator, 1), (Ben, ParticipantRole.Panellist, 1));
        var keynote = Session("Keynote", Nine.AddHours(3), RoomA, (Chen, ParticipantRole.Speaker, 1));
        var newPanel = panel with { Participants = [new ReleasedParticipant(Ana, ParticipantRole.Panellist, 1), new ReleasedParticipant(Chen, ParticipantRole.Moderator, 1)] };
        var movedKeynote = keynote with { StartsAt = keynote.StartsAt.AddHours(1), EndsAt = keynote.EndsAt.AddHours(1) };

        var changes = ReleaseChangelog.Compare(Snapshot(panel, keynote), Snapshot(newPanel, movedKeynote));

        var people = Assert.Single(changes, c => c.Kind == ChangeKind.PeopleChanged);
        Assert.Equal([(Ana, ParticipantRole.Panellist), (Chen, ParticipantRole.Moderator)], people.Added.Select(p => (p.PersonId, p.Role)));
        Assert.Equal([(Ana, ParticipantRole.Moderator), (Ben, ParticipantRole.Panellist)], people.Removed.Select(p => (p.PersonId, p.Role)));
        var byPerson = ReleaseChangelog.ByPerson(changes);
        // Ben left the panel: he is told too; Chen joined the panel and his keynote moved: one list with both.
        Assert.Equal([ChangeKind.PeopleChanged], byPerson[Ben].Select(c => c.Kind));
        Assert.Equal([ChangeKind.PeopleChanged], byPerson[Ana].Select(c => c.Kind));
        Assert.Equal([ChangeKind.PeopleChanged, ChangeKind.Moved], byPerson[Chen].Select(c => c.Kind));
        Assert.Equal(3, byPerson.Count);
    }

    [Fact]
    public void A_changed_join_link_or_its_public_flag_is_a_change_told_to_the_people_of_the_session()
    {
        var talk = Session("Talk", Nine, RoomA, (Ana, ParticipantRole.Speaker, 1)) with { Format = SessionFormat.Hybrid, JoinLink = "https://meet.example.org/a" };
        var other = Session("Other", Nine.AddHours(2), RoomB, (Ben, ParticipantRole.Speaker, 1));

        Assert.Empty(ReleaseChangelog.Compare(Snapshot(talk, other), Snapshot(talk, other)));
        foreach (var changed in new[] { talk with { JoinLink = "https://meet.example.org/b" }, talk with { JoinLinkPublic = true }, talk with { JoinLink = null } })
        {
            var change = Assert.Single(ReleaseChangelog.Compare(Snapshot(talk, other), Snapshot(changed, other)));
            Assert.Equal((ChangeKind.JoinLinkChanged, talk.Id), (change.Kind, change.SessionId));
            Assert.Equal([Ana], ReleaseChangelog.ByPerson([change]).Keys);
        }

        // A link added alongside a move is named as both.
        var moved = talk with { StartsAt = Nine.AddHours(1), EndsAt = Nine.AddHours(2), JoinLink = "https://meet.example.org/c" };
        Assert.Equal([ChangeKind.Moved, ChangeKind.JoinLinkChanged], ReleaseChangelog.Compare(Snapshot(talk), Snapshot(moved)).Select(c => c.Kind));
    }

    [Fact]
    public void A_version_released_before_links_were_kept_takes_every_link_as_unchanged()
    {
        var talk = Session("Talk", Nine, RoomA, (Ana, ParticipantRole.Speaker, 1)) with { Format = SessionFormat.Online };
        var written = ReleaseReader.Write(Snapshot(talk));
        // An old version's JSON: the same without the link's fields.
        var node = System.Text.Json.Nodes.JsonNode.Parse(written)!;
        foreach (var session in node["sessions"]!.AsArray())
        {
            session!.AsObject().Remove("joinLink");
            session.AsObject().Remove("joinLinkPublic");
        }

        var old = ReleaseReader.Read(new ProgrammeRelease { Snapshot = node.ToJsonString() });
        var kept = ReleaseReader.Read(new ProgrammeRelease { Snapshot = written });
        Assert.False(old.JoinLinksKept);
        Assert.True(kept.JoinLinksKept);
        var linked = talk with { JoinLink = "https://meet.example.org/a", JoinLinkPublic = true };

        Assert.Empty(ReleaseChangelog.Compare(old, Snapshot(linked)));
        Assert.Equal(ChangeKind.JoinLinkChanged, Assert.Single(ReleaseChangelog.Compare(kept, Snapshot(linked))).Kind);
        // Other changes against the old version are still told.
        Assert.Equal(ChangeKind.Retitled, Assert.Single(ReleaseChangelog.Compare(old, Snapshot(linked with { TitleEn = "Talk, renamed" }))).Kind);
    }

    private static ReleaseSnapshot Snapshot(params ReleasedSession[] sessions) => new([], sessions);

    private static ReleasedSession Session(string title, DateTimeOffset start, Guid room, params (Guid Person, ParticipantRole Role, int Order)[] people) =>
        new(Guid.CreateVersion7(), Guid.Empty, SessionKind.Panel, title, title + "（中）", "", "", "en", ["zh-Hans"], SessionFormat.InPerson, room,
            room == RoomA ? "A" : "B", "Room", "会议室", Guid.Empty, "Venue", "场馆", start, start.AddMinutes(90),
            [.. people.Select(p => new ReleasedParticipant(p.Person, p.Role, p.Order))]);
}
