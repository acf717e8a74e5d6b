using Summit.Server.Infrastructure.Options;

namespace Summit.Server.Privacy;

/// <summary>Summit:Privacy: the defaults of the retention period and how the purge job runs.</summary>
public sealed class PrivacyOptions : IValidatedOptions
{
    /// <summary>Days personal data is kept after the event's end when an admin set none for the event (what the notice promised so far).</summary>
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often each server looks for an event whose retention period has ended.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long after start the first look happens (start-up has other work).</summary>
    public TimeSpan PurgeFirstCheckAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A claim older than this is taken to belong to a server that stopped mid-purge, and is taken over.</summary>
    public TimeSpan PurgeLease { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Run the purge job on this server (every server may: they claim each event in the database first).</summary>
    public bool PurgeInBackground { get; set; } = true;

    public IEnumerable<string> Problems()
    {
        if (RetentionDays is < RetentionRules.MinDays or > RetentionRules.MaxDays)
        {
            yield return $"Summit:Privacy:RetentionDays must be from {RetentionRules.MinDays} to {RetentionRules.MaxDays}; it is {RetentionDays}.";
        }

        if (PurgeInterval < TimeSpan.FromSeconds(1) || PurgeLease < TimeSpan.FromMinutes(1) || PurgeFirstCheckAfter < TimeSpan.Zero)
        {
            yield return "Summit:Privacy:PurgeInterval must be at least a second, PurgeLease at least a minute, PurgeFirstCheckAfter not negative.";
        }
    }
}
