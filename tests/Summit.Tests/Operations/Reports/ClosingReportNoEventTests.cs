using Summit.Server.Infrastructure.Identity;
using Summit.Server.Operations.Reports;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Operations.Reports;

public class ClosingReportNoEventTests(NoEventFactory app) : IClassFixture<NoEventFactory>
{
    [Theory]
    [InlineData("en", "No event has been set up yet.")]
    [InlineData("zh-Hans", "尚未创建会议。")]
    public async Task Without_an_event_the_page_says_so_in_the_readers_language_and_waits_for_nothing(string language, string message)
    {
        var html = await app.PageAsync(Roles.OperationsCentre, ClosingReportLinks.PagePath, language);

        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"report-error\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("event.none", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mud-progress-linear", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_stamp_on_the_page_is_refused_with_the_message_of_the_api()
    {
        var html = await app.PageAsync(Roles.OperationsCentre, ClosingReportLinks.PagePath + "?asOf=last-tuesday");

        Assert.Contains("The moment \"last-tuesday\" cannot be a report's stamp", html, StringComparison.Ordinal);
        Assert.DoesNotContain("mud-progress-linear", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_event_the_api_refuses_with_the_stable_code()
    {
        using var operations = await app.ClientForAsync(Roles.OperationsCentre);
        await (await operations.GetAsync(ClosingReportLinks.ReportPath)).AssertProblemAsync(404, "event.none");
        await (await operations.GetAsync(ClosingReportLinks.ReportPath + ".pdf")).AssertProblemAsync(404, "event.none");
    }
}
