using Summit.Server.Infrastructure.Options;

namespace Summit.Server.Venues;

/// <summary>Summit:Venues: the defaults a new room starts with, and the no-show release job.</summary>
public sealed class VenuesOptions : IValidatedOptions
{
    /// <summary>The set-up buffer of a room created without one, in minutes.</summary>
    public int DefaultSetupMinutes { get; set; } = 15;

    /// <summary>The tear-down buffer of a room created without one, in minutes.</summary>
    public int DefaultTeardownMinutes { get; set; } = 15;

    /// <summary>
    /// Whether this server runs the no-show release (<see cref="NoShows.NoShowMonitor"/>): read when it starts. Turn it off on all but one
    /// server if several share a database (each release is safe to repeat, but one is enough).
    /// </summary>
    public bool ReleaseNoShowsInBackground { get; set; } = true;

    /// <summary>How often the no-show release looks for bookings nobody came to, in seconds.</summary>
    public int NoShowCheckSeconds { get; set; } = 60;

    public IEnumerable<string> Problems()
    {
        if (DefaultSetupMinutes is < 0 or > VenueLimits.MaxBufferMinutes || DefaultTeardownMinutes is < 0 or > VenueLimits.MaxBufferMinutes)
        {
            yield return $"Summit:Venues: DefaultSetupMinutes ({DefaultSetupMinutes}) and DefaultTeardownMinutes ({DefaultTeardownMinutes}) must be from 0 to {VenueLimits.MaxBufferMinutes}.";
        }

        if (NoShowCheckSeconds is < 1 or > 3600)
        {
            yield return $"Summit:Venues:NoShowCheckSeconds ({NoShowCheckSeconds}) must be from 1 to 3600.";
        }
    }
}
