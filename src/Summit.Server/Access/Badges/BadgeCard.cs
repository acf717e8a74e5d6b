using Summit.Server.Guests.Contracts;

namespace Summit.Server.Access.Badges;

/// <summary>Everything printed on one badge. Texts are printed as given; the renderer shrinks and wraps them to fit.</summary>
public sealed record BadgeCard
{
    public required string EventNameEn { get; init; }

    public required string EventNameZh { get; init; }

    /// <summary>The name in its original script (王小明); printed largest.</summary>
    public required string Name { get; init; }

    /// <summary>The name in Latin letters (Xiaoming WANG); printed under <see cref="Name"/> unless it is the same.</summary>
    public required string LatinName { get; init; }

    public string? Title { get; init; }

    public string? Organisation { get; init; }

    public required Country Country { get; init; }

    public required BadgeCategory Category { get; init; }

    /// <summary>Codes of the zones the badge opens, in print order.</summary>
    public required IReadOnlyList<string> Zones { get; init; }

    /// <summary>The holder's photo; a neutral silhouette is printed without one.</summary>
    public byte[]? PhotoJpeg { get; init; }

    /// <summary>The credential text ("S1…") that the QR code carries.</summary>
    public required string CredentialCode { get; init; }
}
