using System.Globalization;

namespace Summit.Server.Infrastructure.Localization;

/// <summary>
/// A live feed calls its subscribers on the publisher's thread, whose culture is not the reader's: a page that re-renders in
/// the callback would render in the publisher's language (a Chinese dashboard turning English on its next update). Feeds wrap
/// each handler so that it runs in the culture it was subscribed in.
/// </summary>
public static class SubscriberCulture
{
    public static Func<T, Task> Keep<T>(Func<T, Task> handler)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        return async value =>
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            await handler(value);
        };
    }

    public static Action<T> Keep<T>(Action<T> handler)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        return value =>
        {
            var (publisher, publisherUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
            try
            {
                handler(value);
            }
            finally
            {
                CultureInfo.CurrentCulture = publisher;
                CultureInfo.CurrentUICulture = publisherUi;
            }
        };
    }
}
