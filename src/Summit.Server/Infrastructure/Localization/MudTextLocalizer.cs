using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Summit.Server.Infrastructure.Localization;

/// <summary>
/// Gives MudBlazor's own texts (pager buttons, "Clear", "Close", "Required"...) from our catalogs, so a page in
/// Chinese has no English left in its controls. Keys we do not carry fall back to MudBlazor's English.
/// </summary>
public sealed class MudTextLocalizer(Localizer localizer) : MudLocalizer
{
    public override LocalizedString this[string key]
    {
        get
        {
            var catalogKey = "mud." + key;
            return localizer.Has(catalogKey)
                ? new LocalizedString(key, localizer[catalogKey])
                : new LocalizedString(key, key, resourceNotFound: true);
        }
    }
}
