using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Summit.Server.Incidents;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Tests.Infrastructure;

/// <summary>
/// A live page subscribed in Chinese must re-render in Chinese when a feed publishes from a thread in another culture (the
/// Chinese dashboard turned English on its next update).
/// </summary>
public class SubscriberCultureTests
{
    [Fact]
    public async Task A_feed_calls_its_subscriber_in_the_culture_it_subscribed_in()
    {
        var feed = new IncidentFeed(ClusterFeedsTests.OneProcessSignals(), NullLogger<IncidentFeed>.Instance);
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        IDisposable subscription;
        try
        {
            subscription = feed.Subscribe(_ =>
            {
                seen.TrySetResult(CultureInfo.CurrentUICulture.Name);
                return Task.CompletedTask;
            });
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        using (subscription)
        {
            await Task.Run(() =>
            {
                CultureInfo.CurrentUICulture = new CultureInfo("en");
                feed.Publish(new IncidentChange(Guid.NewGuid(), 1, []));
            });
            Assert.Equal("zh-Hans", await seen.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public void A_synchronous_handler_leaves_the_publisher_in_its_own_culture()
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-Hans");
        Action<int> wrapped;
        try
        {
            wrapped = SubscriberCulture.Keep<int>(_ => Assert.Equal("zh-Hans", CultureInfo.CurrentUICulture.Name));
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }

        CultureInfo.CurrentUICulture = new CultureInfo("en");
        try
        {
            wrapped(1);
            Assert.Equal("en", CultureInfo.CurrentUICulture.Name);
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}
