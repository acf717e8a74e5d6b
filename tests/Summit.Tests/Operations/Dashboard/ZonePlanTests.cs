using System.Net.Http.Json;
using Summit.Access.Core;
using Summit.Server;
using Summit.Server.Access.Contracts;
using Summit.Server.Access.Zones;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Operations.Dashboard;

/// <summary>A zone's rectangle on the venue plan: stored and returned through the zones API, refused with a reason per side when it leaves the canvas.</summary>
public class ZonePlanTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task A_zone_keeps_its_plan_rectangle_and_can_drop_it()
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var created = await (await secretariat.PostAsJsonAsync("/api/v1/access/zones",
            new ZoneInput("HALL-1", "Hall 1", "一号馆", "Expo", 500, Plan: new ZonePlanArea(600, 400, 400, 200)), Intents.Json)).OkAsync<ZoneView>();
        Assert.Equal(new ZonePlanArea(600, 400, 400, 200), created.Plan);

        var listed = (await (await secretariat.GetAsync("/api/v1/access/zones")).OkAsync<List<ZoneView>>()).Single(z => z.Id == created.Id);
        Assert.Equal(new ZonePlanArea(600, 400, 400, 200), listed.Plan);

        var moved = await (await secretariat.PutAsJsonAsync($"/api/v1/access/zones/{created.Id}",
            new ZoneInput("HALL-1", "Hall 1", "一号馆", "Expo", 500), Intents.Json)).OkAsync<ZoneView>();
        Assert.Null(moved.Plan);
    }

    [Theory]
    [InlineData(-1, 0, 100, 100, "plan.x")]
    [InlineData(990, 0, 20, 100, "plan.x")]
    [InlineData(0, 590, 100, 20, "plan.y")]
    [InlineData(900, 0, 101, 100, "plan.width")]
    [InlineData(0, 0, 19, 100, "plan.width")]
    [InlineData(0, 500, 100, 101, "plan.height")]
    [InlineData(0, 0, 100, 0, "plan.height")]
    public async Task A_plan_rectangle_off_the_canvas_or_too_small_is_refused_on_its_field(int x, int y, int width, int height, string field)
    {
        using var secretariat = await app.ClientForAsync(Roles.Secretariat);
        var response = await secretariat.PostAsJsonAsync("/api/v1/access/zones",
            new ZoneInput("BAD-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(), "Bad", "坏", null, 10, AntiPassbackMode.Off,
                Plan: new ZonePlanArea(x, y, width, height)), Intents.Json);

        await response.AssertProblemAsync(422, ErrorCodes.RequestInvalid);
        var details = (await response.ProblemAsync()).GetProperty("details").EnumerateArray().ToList();
        var problem = Assert.Single(details);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(ErrorCodes.NumberOutOfRange, problem.GetProperty("code").GetString());
        Assert.StartsWith("Plan: ", problem.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
