using System.Text.RegularExpressions;
using Summit.Server.Faces.Thresholds;
using Summit.Server.Infrastructure.Identity;
using Summit.Tests.Access;
using Summit.Tests.Infrastructure;

namespace Summit.Tests.Faces;

/// <summary>The face lanes page (gates: faces on, face lane) and the thresholds page (distances as a histogram, no face, no name).</summary>
public sealed partial class FaceLanePagesTests(FacesFactory app) : IClassFixture<FacesFactory>
{
    [Theory]
    [InlineData("en", "Face checks at the gates", "exit only")]
    [InlineData("zh-Hans", "闸口人脸核验", "仅出场")]
    public async Task The_face_lanes_page_lists_the_gates_with_their_switches(string language, string title, string exitOnly)
    {
        await app.MarkFaceLaneAsync(app.Venue.VipIn.Id);

        var html = await app.PageAsync(Roles.SecurityOfficer, "/faces/gates", language);

        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains(exitOnly, html, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"face-gate-lane\" data-gate=\"{app.Venue.VipIn.Code}\" data-on=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains($"data-testid=\"face-gate-on\" data-gate=\"{app.Venue.MainIn.Code}\" data-on=\"true\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "{0} accepted 1:1 matches, {1} face mismatches, 0 face-lane passages.")]
    [InlineData("zh-Hans", "通过的 1:1 比对 {0} 次，人脸不符 {1} 次，人脸通道通行 0 次。")]
    public async Task The_thresholds_page_shows_the_distances_seen_without_faces_or_names(string language, string counts)
    {
        var other = FaceLaneIntents.OtherPerson();
        var (holder, _, code) = await app.EnrolledGuestAsync(FaceSamples.Portrait(), fastLane: false);
        // Each language's run adds its own pair: one genuine 1:1 match and one lent badge.
        var before = await ReportAsync();
        Assert.True((await app.PassWithCodeAsync(app.Venue.MainInToken, code, FaceLaneIntents.PortraitFrame())).Admitted);
        Assert.Equal(Summit.Access.Core.ReasonCode.FaceMismatch,
            (await app.PassWithCodeAsync(app.Venue.ForumInToken, code, FaceLaneIntents.FrameOf(other))).Reason);

        var report = await ReportAsync();
        var html = await app.PageAsync(Roles.Admin, "/faces/thresholds", language);

        Assert.Equal((before.Matched + 1, before.Mismatched + 1), (report.Matched, report.Mismatched));
        Assert.Equal(report.Matched, Counts(html, "genuine").Sum());
        Assert.Equal(report.Mismatched, Counts(html, "impostor").Sum());
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, counts, report.Matched, report.Mismatched), html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"face-threshold-line\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(holder.ToString(), html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/photo", html, StringComparison.Ordinal);
    }

    private async Task<ThresholdReport> ReportAsync()
    {
        using var admin = await app.ClientForAsync(Roles.Admin);
        return await (await admin.GetAsync("/api/v1/faces/thresholds")).OkAsync<ThresholdReport>();
    }

    private static IEnumerable<int> Counts(string html, string kind) =>
        BinCount().Matches(html).Where(m => m.Groups["kind"].Value == kind).Select(m => int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture));

    [GeneratedRegex("data-testid=\"face-bin-(?<kind>genuine|impostor)\" data-from=\"[0-9.]+\" data-count=\"(?<count>[0-9]+)\"")]
    private static partial Regex BinCount();
}
