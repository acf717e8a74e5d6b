namespace Summit.Server.Infrastructure.Modules;

/// <summary>
/// A link in the navigation menu.
/// </summary>
/// <param name="Order">Where the link stands in the menu, across modules (lower first).</param>
/// <param name="TextKey">The catalog key of its text (every catalog has it in English and Chinese).</param>
/// <param name="Icon">A MudBlazor icon (Icons.Material...).</param>
/// <param name="Audience">Who sees the link.</param>
/// <param name="Policy">With <see cref="NavigationAudience.Policy"/>: the policy that shows the link.</param>
/// <param name="TestId">The data-testid the tests find the link by, if any.</param>
/// <param name="MatchAll">Highlighted only on its own address, not on the addresses below it.</param>
/// <param name="NewTab">Opens in a new tab.</param>
public sealed record NavigationEntry(
    int Order,
    string Href,
    string TextKey,
    string Icon,
    NavigationAudience Audience,
    string? Policy = null,
    string? TestId = null,
    bool MatchAll = false,
    bool NewTab = false)
{
    public static NavigationEntry For(string policy, int order, string href, string textKey, string icon, string? testId = null, bool matchAll = false) =>
        new(order, href, textKey, icon, NavigationAudience.Policy, policy, testId, matchAll);
}
