using System.Globalization;
using Summit.Server.Guests.Portal;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Guests.Pages.Portal;

/// <summary>What the parts of the guest portal say alike: the reader's language and the event's name in it.</summary>
public static class PortalText
{
    public static string Language => Localizer.LanguageOf(CultureInfo.CurrentUICulture);

    public static string EventName(PortalView view) =>
        Language == Localizer.Chinese && view.EventNameZh.Length > 0 ? view.EventNameZh : view.EventName;
}
