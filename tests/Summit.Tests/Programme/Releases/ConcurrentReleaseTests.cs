using System.Net;
using Summit.Server.Programme;
using Summit.Server.Programme.Releases;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;
using Summit.Tests.Venues;

namespace Summit.Tests.Programme.Releases;

/// <summary>Two programme managers release at the same moment: exactly one version 1, the other refused, never two versions of one number.</summary>
public sealed class ConcurrentReleaseTests(SummitFactory app) : IClassFixture<SummitFactory>
{
    [Fact]
    public async Task Two_simultaneous_releases_make_one_version_and_the_other_is_refused()
    {
        await app.PlacedSessionAsync("Panel: released twice at once", VenuesIntents.DayOneNine, "CR-1");

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.ReleaseAsync()));

        var released = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, (await released.OkAsync<ReleaseView>()).Release.Number);
        foreach (var refused in answers.Where(a => a != released))
        {
            var code = (await refused.ProblemAsync()).GetProperty("code").GetString();
            Assert.True(refused.StatusCode == HttpStatusCode.Conflict && code is ProgrammeErrors.ReleaseConcurrent or ProgrammeErrors.ReleaseUnchanged,
                $"{(int)refused.StatusCode} {code}");
        }
    }
}
