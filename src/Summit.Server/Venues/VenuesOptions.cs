using Summit.Server.Infrastructure.Options;

namespace Summit.Server.Venues;

/// <summary>Summit:Venues: the defaults a new room starts with.</summary>
public sealed class VenuesOptions : IValidatedOptions
{
    /// <summary>The set-up buffer of a room created without one, in minutes.</summary>
    public int DefaultSetupMinutes { get; set; } = 15;

    /// <summary>The tear-down buffer of a room created without one, in minutes.</summary>
    public int DefaultTeardownMinutes { get; set; } = 15;

    public IEnumerable<string> Problems()
    {
        if (DefaultSetupMinutes is < 0 or > VenueLimits.MaxBufferMinutes || DefaultTeardownMinutes is < 0 or > VenueLimits.MaxBufferMinutes)
        {
            yield return $"Summit:Venues: DefaultSetupMinutes ({DefaultSetupMinutes}) and DefaultTeardownMinutes ({DefaultTeardownMinutes}) must be from 0 to {VenueLimits.MaxBufferMinutes}.";
        }
    }
}
