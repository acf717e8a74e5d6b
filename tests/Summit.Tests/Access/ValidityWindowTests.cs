using Summit.Access.Core;

namespace Summit.Tests.Access;

public class ValidityWindowTests(EarlyAccessFactory app) : IClassFixture<EarlyAccessFactory>
{
    [Fact]
    public async Task Codes_open_from_the_day_before_the_event_to_the_end_of_its_last_day()
    {
        var code = await app.IssueCodeAsync(await app.ApprovedGuestAsync());
        Assert.Equal(ReasonCode.NotYetValid, (await app.ScanAsync(app.Venue.MainInToken, code)).Reason);

        // Valid from 25 September 00:00 in Wuzhen (UTC+8) to 29 September 00:00.
        app.Clock.SetUtcNow(new DateTimeOffset(2021, 9, 24, 16, 0, 0, TimeSpan.Zero));
        Assert.True((await app.ScanAsync(app.Venue.MainInToken, code)).Admitted);
        Assert.True((await app.ScanAsync(app.Venue.MainOutToken, code)).Admitted);
        app.Clock.SetUtcNow(new DateTimeOffset(2021, 9, 28, 16, 0, 0, TimeSpan.Zero));
        Assert.Equal(ReasonCode.Expired, (await app.ScanAsync(app.Venue.MainInToken, code)).Reason);
        // An expired code still lets its holder out.
        Assert.True((await app.ScanAsync(app.Venue.MainOutToken, code)).Admitted);
    }
}
