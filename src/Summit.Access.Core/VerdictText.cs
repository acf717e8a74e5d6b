namespace Summit.Access.Core;

/// <summary>A verdict's text in English and Simplified Chinese.</summary>
public readonly record struct VerdictText(string En, string Zh)
{
    /// <summary>The text in a language tag ("zh-Hans", "zh-CN"... read Chinese; anything else English).</summary>
    public string In(string language) => language.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Zh : En;
}
