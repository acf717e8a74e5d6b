using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Summit.Server.Demo;
using Summit.Server.Demo.Live;
using Summit.Server.Faces;
using Summit.Server.Guests.Contracts;
using Summit.Server.Infrastructure.Database;

namespace Summit.Tests.Demo;

/// <summary>Without the sample photos the demo says so in both languages and seeds everything else; its morning has no face scenes.</summary>
public sealed class DemoWithoutPhotosTests(DemoWithoutPhotosFactory app) : IClassFixture<DemoWithoutPhotosFactory>
{
    [Fact]
    public async Task Without_the_sample_photos_the_demo_says_why_in_both_languages_and_seeds_the_event_without_faces()
    {
        Assert.Contains("Faces: the sample photos of @vladmandic/face-api 1.7.15 could not be obtained (summit-test-no-such-npm could not be started",
            app.Banner, StringComparison.Ordinal);
        Assert.Contains("人脸：无法获取示例照片，演示不录入人脸，也不演示人脸场景。", app.Banner, StringComparison.Ordinal);
        Assert.DoesNotContain("face lane on their face", app.Banner, StringComparison.Ordinal);
        Assert.Contains("infrared sensors on the entry lanes", app.Banner, StringComparison.Ordinal);

        await app.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<SummitDbContext>();
            Assert.Equal(120, await db.Guests.CountAsync());
            Assert.NotEmpty(await db.Credentials.ToListAsync());
            Assert.Empty(await db.Set<FaceEnrolment>().ToListAsync());
            Assert.Empty(await db.Set<FaceLane>().ToListAsync());
            var eventId = await db.Events.Select(e => e.Id).SingleAsync();
            var state = DemoLiveState.Load(DemoLiveState.PathIn(sp.GetRequiredService<IConfiguration>()), eventId);
            Assert.NotNull(state);
            Assert.Null(state.Faces);
            Assert.True(await db.Guests.AnyAsync(g => g.Status == GuestStatus.Arrived));
        });

        // The live morning is written without a face scene.
        await using var session = await app.Services.GetRequiredService<DemoPlayer>().StartSessionAsync(DemoSeeder.DefaultSeed, CancellationToken.None);
        Assert.NotNull(session);
        Assert.Equal((0, (TimeSpan?)null), (session.Script.FaceLaneArrivals, session.Script.LentBadgeAt));
        Assert.DoesNotContain(session.Script.Beats, b => b.FaceOf is not null);
    }
}
