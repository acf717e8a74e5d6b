using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Guests.Portal;
using Summit.Server.Infrastructure.Database;
using Summit.Server.Infrastructure.Identity;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Privacy;
using Summit.Server.Privacy.Contracts;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Privacy;

/// <summary>The retention period: counted from the event's end, set by the admin, and the privacy notice written from it.</summary>
public sealed class RetentionTests(PrivacyFactory app) : IClassFixture<PrivacyFactory>
{
    [Theory]
    // The last day of the event is 28 September 2021 in Wuzhen (UTC+8): 90 days later is 27 December, and the purge may run
    // from the start of 28 December there, which is 16:00 UTC the day before.
    [InlineData("2021-09-28", "Asia/Shanghai", 90, "2021-12-27", "2021-12-27T16:00:00+00:00")]
    [InlineData("2021-09-28", "Asia/Shanghai", 1, "2021-09-29", "2021-09-29T16:00:00+00:00")]
    // Calendar days in the event's zone: the change to winter time on 31 October 2021 moves nothing.
    [InlineData("2021-10-20", "Europe/Berlin", 30, "2021-11-19", "2021-11-19T23:00:00+00:00")]
    public void The_period_runs_from_the_end_of_the_event_s_last_day_in_its_time_zone(string end, string zone, int days, string lastDay, string due)
    {
        var endDate = DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), RetentionRules.LastDayKept(endDate, days));
        Assert.Equal(DateTimeOffset.Parse(due, System.Globalization.CultureInfo.InvariantCulture), RetentionRules.DueAt(endDate, zone, days));
    }

    [Fact]
    public async Task The_default_is_ninety_days_as_the_notice_always_said_and_an_admin_changes_it_within_bounds_with_an_audit_record()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        var view = await (await admin.GetAsync("/api/v1/privacy/retention")).OkAsync<RetentionView>();
        Assert.Equal(90, view.RetentionDays);
        Assert.False(view.FromEvent);
        Assert.Equal(new DateOnly(2021, 12, 27), view.LastDayKept);
        Assert.Equal(PrivacyIntents.DefaultDue, view.DueAt);

        foreach (var days in new[] { 0, -5, RetentionRules.MaxDays + 1 })
        {
            await (await admin.PutAsJsonAsync("/api/v1/privacy/retention", new RetentionInput(days), Intents.Json))
                .AssertProblemAsync(422, PrivacyErrors.RetentionOutOfRange);
        }

        using (var secretariat = await app.ClientForAsync(Roles.Secretariat))
        {
            Assert.Equal(System.Net.HttpStatusCode.Forbidden,
                (await secretariat.PutAsJsonAsync("/api/v1/privacy/retention", new RetentionInput(30), Intents.Json)).StatusCode);
        }

        view = await (await admin.PutAsJsonAsync("/api/v1/privacy/retention", new RetentionInput(30), Intents.Json)).OkAsync<RetentionView>();
        Assert.True(view.FromEvent);
        Assert.Equal(new DateOnly(2021, 10, 28), view.LastDayKept);
        await app.InScopeAsync(async sp =>
        {
            var entries = await sp.GetRequiredService<SummitDbContext>().AuditEntries.Where(a => a.Action == PrivacyAudit.RetentionChanged).ToListAsync();
            var entry = Assert.Single(entries, e => e.Changes!.Contains("\"retentionDays\":{\"old\":\"90\",\"new\":\"30\"}", StringComparison.Ordinal));
            Assert.Equal(SummitFactory.EmailOf(Roles.Admin), entry.ActorName, ignoreCase: true);
        });

        await (await admin.PutAsJsonAsync("/api/v1/privacy/retention", new RetentionInput(90), Intents.Json)).OkAsync<RetentionView>();
    }

    [Fact]
    public async Task The_notice_says_the_period_and_date_in_force_in_the_reader_s_language_and_a_registration_records_which_it_agreed_to()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        await (await admin.PutAsJsonAsync("/api/v1/privacy/retention", new RetentionInput(45), Intents.Json)).OkAsync<RetentionView>();
        try
        {
            using var anonymous = app.CreateClient();
            var english = await NoticeAsync(anonymous, "en");
            var retention = english.Lines.Single(l => l.Key == "retention").Text;
            Assert.Contains("12 November 2021", retention, StringComparison.Ordinal);
            Assert.Contains("45 days", retention, StringComparison.Ordinal);
            Assert.DoesNotContain("90", retention, StringComparison.Ordinal);
            Assert.Equal("2026-12/45d", english.Version);
            Assert.Contains(english.Lines, l => l.Key == "rights" && l.Text.Contains("copy", StringComparison.Ordinal));
            var chinese = await NoticeAsync(anonymous, "zh-Hans");
            Assert.Contains("2021年11月12日", chinese.Lines.Single(l => l.Key == "retention").Text, StringComparison.Ordinal);
            Assert.Contains("45 天", chinese.Lines.Single(l => l.Key == "retention").Text, StringComparison.Ordinal);
            Assert.Equal("隐私声明", chinese.Title);

            // The portal shows the same notice, and a registration keeps the version with the retention it promised.
            var guest = await app.CreateGuestAsync();
            var token = await app.InviteAsync(guest.Id);
            var portal = await (await anonymous.GetAsync($"/api/v1/portal/{token}")).OkAsync<PortalView>();
            Assert.Equal(english.Lines, portal.Notice.Lines);
            var page = await (await anonymous.GetAsync($"/portal/{token}")).Content.ReadAsStringAsync();
            Assert.Contains("12 November 2021", System.Net.WebUtility.HtmlDecode(page), StringComparison.Ordinal);
            await app.RegisterOkAsync(token);
            await app.InScopeAsync(async sp =>
                Assert.Equal("2026-12/45d", (await sp.GetRequiredService<SummitDbContext>().Guests.SingleAsync(g => g.Id == guest.Id)).PrivacyNoticeVersion));
        }
        finally
        {
            await (await admin.PutAsJsonAsync("/api/v1/privacy/retention", new RetentionInput(90), Intents.Json)).OkAsync<RetentionView>();
        }
    }

    [Fact]
    public void Every_privacy_reason_and_hold_has_a_message_in_both_languages()
    {
        var localizer = new Localizer();
        var keys = PrivacyErrors.All.Select(code => "error." + code).Concat(["privacy.hold.person_blocked", "privacy.hold.incident_open"])
            .Concat(Enum.GetNames<DataAction>().Select(a => "enum.DataAction." + a)).Concat(PrivacyNoticeService.LineKeys.Select(k => "privacy.notice." + k));
        Assert.DoesNotContain(keys, key => !localizer.Has(key));
    }

    private static async Task<PrivacyNotice> NoticeAsync(HttpClient client, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/privacy/notice");
        request.Headers.AcceptLanguage.ParseAdd(language);
        return await (await client.SendAsync(request)).OkAsync<PrivacyNotice>();
    }
}
