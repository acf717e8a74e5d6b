using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Events;

/// <summary>The platform's pages that show the event without naming the Events module: the home page and the audit log.</summary>
public class HomePageTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task The_home_page_shows_the_event_first_then_the_guests_per_status()
    {
        var home = await app.PageAsync(Roles.Secretariat, "/");

        var name = home.IndexOf("data-testid=\"event-name\"", StringComparison.Ordinal);
        var counts = home.IndexOf("data-testid=\"count-Invited\"", StringComparison.Ordinal);
        Assert.True(name >= 0 && counts > name, "The event's heading comes before the guests per status");
        Assert.Contains("Test Summit", home, StringComparison.Ordinal);
        Assert.Contains("2021-09-26 – 2021-09-28", home, StringComparison.Ordinal);
        Assert.Contains("Main Hall", home, StringComparison.Ordinal);
        Assert.Contains("测试峰会", await app.PageAsync(Roles.Secretariat, "/", "zh-Hans"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_shows_its_times_in_the_event_time_zone() =>
        Assert.Contains("When (Asia/Shanghai)", await app.PageAsync(Roles.Admin, "/admin/audit"), StringComparison.Ordinal);
}
