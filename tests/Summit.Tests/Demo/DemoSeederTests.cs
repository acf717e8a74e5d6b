using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Summit.Access.Core;
using Summit.Access.Core.Sync;
using Summit.Server.Access;
using Summit.Server.Demo;
using Summit.Server.Guests.Domain;
using Summit.Server.Infrastructure.Database;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Demo;

public partial class DemoSeederTests(DemoFactory app) : IClassFixture<DemoFactory>
{
    [Fact]
    public async Task The_demo_has_zones_gates_category_grants_and_a_credential_for_every_accredited_or_arrived_guest()
    {
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            Assert.Equal(10, await db.Zones.CountAsync());
            Assert.Equal(18, await db.Gates.CountAsync());
            Assert.Equal(await db.Categories.CountAsync(), await db.CategoryZoneGrants.Select(g => g.CategoryId).Distinct().CountAsync());
            Assert.Equal(3, await db.PersonalZoneGrants.CountAsync());
            Assert.Equal(1, await db.PersonBlocks.CountAsync());

            var holders = await db.Guests.Where(g => g.Status == GuestStatus.Accredited || g.Status == GuestStatus.Arrived).Select(g => g.Id).ToListAsync();
            var withCode = await db.Credentials.Where(c => c.RevokedAt == null).Select(c => c.GuestId).ToListAsync();
            Assert.NotEmpty(holders);
            Assert.Equal(holders.Order(), withCode.Order());
            Assert.Equal(2, await db.Credentials.CountAsync(c => c.RevokedAt != null));
        });
    }

    [Fact]
    public async Task Every_arrived_guest_entered_through_a_turnstile_when_they_arrived_and_is_inside_and_the_morning_has_each_kind_of_refusal()
    {
        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            var arrived = await db.Guests.Where(g => g.Status == GuestStatus.Arrived).ToListAsync();
            var entries = await db.Scans.Where(s => s.Admitted && s.Direction == GateDirection.Entry).ToListAsync();
            var inside = await db.ZonePresence.Where(p => p.Inside).Select(p => p.GuestId).ToListAsync();
            Assert.NotEmpty(arrived);
            Assert.All(arrived, guest =>
            {
                Assert.Contains(entries, s => s.GuestId == guest.Id && s.ScannedAt == guest.StatusChangedAt && s.DeviceId != null);
                Assert.Contains(guest.Id, inside);
            });
            Assert.All(await db.Scans.ToListAsync(), s => Assert.InRange(s.ScannedAt, DemoFactory.Today.AddHours(-3), DemoFactory.Today));
            // Besides the entries, one of each refusal a morning brings, for the scan lists to show.
            var morning = await db.Scans.Where(s => s.ScannedAt < DemoFactory.Today || s.Reason != ReasonCode.Admitted).Select(s => s.Reason).Distinct().ToListAsync();
            Assert.Equal([ReasonCode.Admitted, ReasonCode.BadFormat, ReasonCode.Revoked, ReasonCode.ZoneNotGranted, ReasonCode.AlreadyInside,
                ReasonCode.PersonBlocked], morning.Order());
        });
    }

    [Fact]
    public async Task The_banner_code_opens_the_agent_gate_today_once_with_the_owner_only_token_file_and_then_the_main_hall_at_the_console()
    {
        var tokenFile = TokenFile().Groups[1].Value;
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
        }

        var token = (await File.ReadAllTextAsync(tokenFile)).Trim();
        var code = SampleCode().Match(app.Banner).Value;
        Assert.NotEmpty(code);

        var entry = await app.ScanAsync(token, code);
        Assert.True(entry.Admitted, entry.Message);
        Assert.Equal(GuestStatus.Arrived, await app.InScopeAsync(sp =>
            sp.GetRequiredService<SummitDbContext>().Guests.Where(g => g.Id == entry.Holder!.GuestId).Select(g => g.Status).FirstAsync()));
        Assert.Equal(ReasonCode.AlreadyInside, (await app.ScanAsync(token, code)).Reason);

        using var anonymous = app.CreateClient();
        var login = await (await anonymous.PostAsJsonAsync("/api/v1/auth/login", new { email = "gateoperator@summit.local", password = DemoSeeder.DemoPassword }))
            .OkAsync<LoginBody>();
        using var operatorClient = app.CreateClient();
        operatorClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.AccessToken);
        var mainDoor = await app.InScopeAsync(sp => sp.GetRequiredService<SummitDbContext>().Gates.Where(g => g.Code == "M1").Select(g => g.Id).FirstAsync());
        var console = await (await operatorClient.PostAsJsonAsync($"/api/v1/access/gates/{mainDoor}/scans", new ConsoleScanRequest(Guid.NewGuid(), code), Intents.Json))
            .OkAsync<ScanResponse>();
        Assert.True(console.Admitted, console.Message);
    }

    private Match TokenFile()
    {
        var match = TokenFilePattern().Match(app.Banner);
        Assert.True(match.Success, app.Banner);
        return match;
    }

    [GeneratedRegex(@"its device token is in (\S+)\)")]
    private static partial Regex TokenFilePattern();

    [GeneratedRegex(@"^S1[A-Z2-7]+$", RegexOptions.Multiline)]
    private static partial Regex SampleCode();

    private sealed record LoginBody(string AccessToken);
}
