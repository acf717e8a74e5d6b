using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Mail;
using Summit.Server.Programme;
using Summit.Server.Programme.People;
using Summit.Server.Programme.Releases;
using Summit.Server.Programme.Sessions;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Releases;

/// <summary>
/// On release everyone its changes concern gets one mail listing their changes: guests through the guests module in their language,
/// remote speakers and interpreters at their own address in both languages; people whose sessions did not change get nothing.
/// </summary>
public sealed class ReleaseNoticeTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task Each_person_whose_sessions_changed_gets_one_notice_per_release_in_their_language_listing_their_changes()
    {
        var chinese = await app.CreateGuestAsync(Intents.NewGuestInput());
        var englishInput = Intents.NewGuestInput();
        englishInput.Language = "en";
        englishInput.GivenNameLatin = "Emma";
        var english = await app.CreateGuestAsync(englishInput);
        var speaker = await app.CreatePersonAsync(new PersonInput(chinese.Id));
        var other = await app.CreatePersonAsync(new PersonInput(english.Id));
        var remote = await app.CreatePersonAsync(new PersonInput(null, "Lukas Berger", "TU Wien", "AT", "lukas@example.org"));
        var interpreter = await app.CreatePersonAsync(new PersonInput(null, "Chen Jing", "Interpreters", "CN", "booth@example.org"));

        var (forum, panel, room) = await app.PlacedSessionAsync("Panel: data and trade", VenuesIntents.DayOneNine, "NT-1");
        await (await app.SetPeopleAsync(panel.Id, new ParticipantInput(speaker.Id, ParticipantRole.Speaker, 1),
            new ParticipantInput(remote.Id, ParticipantRole.Panellist, 1), new ParticipantInput(interpreter.Id, ParticipantRole.Interpreter, 1))).OkAsync<SessionView>();
        var keynote = await app.CreateSessionAsync(ProgrammeIntents.NewSession(forum.Id, "Keynote: the quiet one"));
        await (await app.PlaceAsync(keynote.Id, room.Id, VenuesIntents.DayOneNine.AddHours(4), 60)).OkAsync<SessionView>();
        await (await app.SetPeopleAsync(keynote.Id, new ParticipantInput(other.Id, ParticipantRole.Speaker, 1))).OkAsync<SessionView>();

        // Version 1: everything is new, so everyone in it is told once.
        var first = await (await app.ReleaseAsync()).OkAsync<ReleaseView>();
        Assert.Equal(4, first.Release.NoticeCount);
        var mails = await MailsAsync();
        Assert.Equal(4, mails.Count);
        var toChinese = Assert.Single(mails, m => m.ToAddress == chinese.Email);
        Assert.Equal((chinese.Id, "测试峰会：议程第 1 版已发布"), (toChinese.GuestId, toChinese.Subject));
        Assert.Contains("新增：「Panel: data and trade（中）」，2021-09-26 09:00–10:30，NT-1 室。", toChinese.TextBody, StringComparison.Ordinal);
        Assert.Contains("CST (UTC+8)", toChinese.TextBody, StringComparison.Ordinal);
        Assert.Equal("Test Summit: programme version 1 released", Assert.Single(mails, m => m.ToAddress == english.Email).Subject);

        // Version 2: the panel moves and loses its remote panellist; the keynote does not change.
        await (await app.PlaceAsync(panel.Id, room.Id, VenuesIntents.DayOneNine.AddHours(1), 90)).OkAsync<SessionView>();
        await (await app.SetPeopleAsync(panel.Id, new ParticipantInput(speaker.Id, ParticipantRole.Speaker, 1),
            new ParticipantInput(interpreter.Id, ParticipantRole.Interpreter, 1))).OkAsync<SessionView>();
        var second = await (await app.ReleaseAsync("Panel an hour later")).OkAsync<ReleaseView>();

        Assert.Equal(3, second.Release.NoticeCount);
        var told = (await MailsAsync()).Where(m => !mails.Any(f => f.Id == m.Id)).ToList();
        Assert.Equal(new[] { chinese.Email, "booth@example.org", "lukas@example.org" }.Order(StringComparer.Ordinal), told.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        var guestMail = Assert.Single(told, m => m.ToAddress == chinese.Email);
        Assert.Contains("其中 2 项变更涉及您的场次", guestMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("调整：「Panel: data and trade（中）」由 2021-09-26 09:00–10:30，NT-1 室 改至 2021-09-26 10:00–11:30，NT-1 室。", guestMail.TextBody,
            StringComparison.Ordinal);
        Assert.Contains("退出 Lukas Berger（", guestMail.TextBody, StringComparison.Ordinal);
        // A remote speaker's language is not known: the notice is in both, and tells him he left the panel.
        var remoteMail = Assert.Single(told, m => m.ToAddress == "lukas@example.org");
        Assert.Equal("Test Summit: programme version 2 released / 测试峰会：议程第 2 版已发布", remoteMail.Subject);
        Assert.Contains("left Lukas Berger (Panellist).", remoteMail.TextBody, StringComparison.Ordinal);
        Assert.Contains("人员变更：加入 无；退出 Lukas Berger（", remoteMail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(told, m => m.ToAddress == english.Email);
    }


    private Task<List<OutgoingMail>> MailsAsync() => app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().OutgoingMails.AsNoTracking()
        .Where(m => m.Kind == ReleaseNotices.MailKind).ToListAsync());
}
