using System.Globalization;
using System.Text.RegularExpressions;

namespace Summit.Server.Infrastructure;

/// <summary>
/// The moment a report is pinned to (its stamp): a whole minute, UTC. Every figure counts the records received before it, so the
/// same stamp gives the same figures however many records arrive later. Whole minutes, because refused sensor messages are
/// counted per minute (a hostile sender must not fill the database with one row per message).
/// </summary>
public static partial class ReportMoment
{
    /// <summary>The stamp of a report built at <paramref name="time"/>: the start of its minute.</summary>
    public static DateTimeOffset Of(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.UtcTicks - (utc.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }

    /// <summary>The stamp as links and files write it: 2021-09-26T06:11:00Z.</summary>
    public static string Format(DateTimeOffset stamp) => stamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Reads a stamp written as an ISO 8601 instant with its offset (2021-09-26T06:11:00Z, 2021-09-26T14:11+08:00), taken to its minute.</summary>
    public static bool TryParse(string? text, out DateTimeOffset stamp)
    {
        stamp = default;
        if (text is null || text.Length > 40 || !Instant().IsMatch(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return false;
        }

        stamp = Of(parsed);
        return true;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Instant();
}
