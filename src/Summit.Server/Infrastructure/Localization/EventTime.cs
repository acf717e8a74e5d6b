using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;

namespace Summit.Server.Infrastructure.Localization;

/// <summary>
/// Every time Summit shows a person, in mail, the portal, the pages and the dashboard, is written here: in the event's time
/// zone, with the zone's label, so that "09:30" is never ambiguous. The label is the tz database's abbreviation where it has
/// a word for the zone (CST, CEST, GMT) and always the offset from UTC: "09:30 CST (UTC+8)", "14:00 UTC+4".
/// </summary>
public static class EventTime
{
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(TimeSpan Offset, bool Daylight, string Abbreviation)>> Abbreviations = new(StringComparer.Ordinal);

    /// <summary>The event's zone by its id; UTC for an id this machine does not know (the event settings refuse such ids).</summary>
    public static TimeZoneInfo Zone(string timeZoneId) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The moment in the zone with the zone's label: "2026-09-26 09:30 CST (UTC+8)".</summary>
    public static string Format(DateTimeOffset at, TimeZoneInfo zone, TimeStyle style = TimeStyle.DateTime)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var pattern = style switch
        {
            TimeStyle.Time => "HH:mm",
            TimeStyle.Seconds => "HH:mm:ss",
            TimeStyle.DateTimeSeconds => "yyyy-MM-dd HH:mm:ss",
            _ => "yyyy-MM-dd HH:mm",
        };
        return $"{local.ToString(pattern, CultureInfo.InvariantCulture)} {Label(at, zone)}";
    }

    /// <summary>
    /// The moment in the zone without its label ("2026-09-26 09:30"): for a text that names the zone once beside several moments, or is
    /// stored as written (a booking's rejection reason).
    /// </summary>
    public static string Unlabelled(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"—" for no moment, else the moment as the other overload writes it.</summary>
    public static string Format(DateTimeOffset? at, TimeZoneInfo zone, TimeStyle style = TimeStyle.DateTime) =>
        at is { } value ? Format(value, zone, style) : "—";

    /// <summary>The zone's label at the moment: "CST (UTC+8)", "CEST (UTC+2)", "UTC+5:30", "UTC".</summary>
    public static string Label(DateTimeOffset at, TimeZoneInfo zone)
    {
        var offset = zone.GetUtcOffset(at);
        var utc = Offset(offset);
        if (zone == TimeZoneInfo.Utc || zone.Id is "UTC" or "Etc/UTC")
        {
            return "UTC";
        }
        var abbreviation = Abbreviation(zone, offset, zone.IsDaylightSavingTime(at));
        return abbreviation is null ? utc : $"{abbreviation} ({utc})";
    }

    /// <summary>"UTC+8", "UTC-3:30", "UTC+0".</summary>
    public static string Offset(TimeSpan offset)
    {
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        return abs.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours}")
            : string.Create(CultureInfo.InvariantCulture, $"UTC{sign}{abs.Hours}:{abs.Minutes:00}");
    }

    /// <summary>
    /// The tz database's letters for the zone at that offset (CST for Asia/Shanghai), read from the zone's TZif file: the type
    /// of the latest transition that has the offset and daylight flag. Null where the database has only numbers ("+04") or no
    /// file (Windows names its zones differently and has no such letters).
    /// </summary>
    private static string? Abbreviation(TimeZoneInfo zone, TimeSpan offset, bool daylight)
    {
        foreach (var type in Abbreviations.GetOrAdd(zone.Id, ReadTypes))
        {
            if (type.Offset == offset && type.Daylight == daylight)
            {
                return type.Abbreviation;
            }
        }
        return null;
    }

    private static IReadOnlyList<(TimeSpan Offset, bool Daylight, string Abbreviation)> ReadTypes(string zoneId)
    {
        try
        {
            var folder = Path.GetFullPath(Environment.GetEnvironmentVariable("TZDIR") is { Length: > 0 } tzdir ? tzdir : "/usr/share/zoneinfo");
            var path = Path.GetFullPath(Path.Combine(folder, zoneId));
            if (!path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
            {
                return [];
            }
            return ParseTzif(File.ReadAllBytes(path));
        }
        catch (IOException)
        {
            return [];
        }
        catch (UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>
    /// The alphabetic local time types of a TZif file, the most recently used first: the types of its transitions from the
    /// last one back, then any type no transition uses. Reads the 64-bit block of version 2 and later files, else the first.
    /// </summary>
    internal static IReadOnlyList<(TimeSpan Offset, bool Daylight, string Abbreviation)> ParseTzif(ReadOnlySpan<byte> data)
    {
        const int header = 44;
        if (!TryCounts(data, out var counts))
        {
            return [];
        }
        var timeSize = 4;
        var block = data[header..];
        if (data[4] >= (byte)'2')
        {
            // Skip the 32-bit block to the second header and its 64-bit data.
            var first = BlockLength(counts, 4);
            if (first < 0 || header + first > data.Length || !TryCounts(data[(header + first)..], out counts))
            {
                return [];
            }
            block = data[(header + first + header)..];
            timeSize = 8;
        }
        var (transitions, typeCount, chars) = (counts[3], counts[4], counts[5]);
        var typesAt = transitions * (timeSize + 1);
        var charsAt = typesAt + (typeCount * 6);
        if (charsAt + chars > block.Length)
        {
            return [];
        }
        var types = new (TimeSpan Offset, bool Daylight, string? Abbreviation)[typeCount];
        for (var i = 0; i < typeCount; i++)
        {
            var entry = block.Slice(typesAt + (i * 6), 6);
            var index = entry[5];
            string? abbreviation = null;
            if (index < chars)
            {
                var text = block.Slice(charsAt + index, chars - index);
                var end = text.IndexOf((byte)0);
                abbreviation = System.Text.Encoding.ASCII.GetString(end < 0 ? text : text[..end]);
            }
            // "+04" and "-03" are the database's way of saying it has no letters for the zone; LMT is not a zone's name.
            var letters = abbreviation is { Length: > 0 } && abbreviation.All(char.IsAsciiLetter) && abbreviation != "LMT";
            types[i] = (TimeSpan.FromSeconds(BinaryPrimitives.ReadInt32BigEndian(entry)), entry[4] != 0, letters ? abbreviation : null);
        }
        var order = new List<int>();
        for (var t = transitions - 1; t >= 0; t--)
        {
            var type = block[(transitions * timeSize) + t];
            if (type < typeCount && !order.Contains(type))
            {
                order.Add(type);
            }
        }
        order.AddRange(Enumerable.Range(0, typeCount).Where(i => !order.Contains(i)));
        return [.. order.Where(i => types[i].Abbreviation is not null).Select(i => (types[i].Offset, types[i].Daylight, types[i].Abbreviation!))];
    }

    private static bool TryCounts(ReadOnlySpan<byte> data, out int[] counts)
    {
        counts = new int[6];
        if (data.Length < 44 || !data[..4].SequenceEqual("TZif"u8))
        {
            return false;
        }
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = BinaryPrimitives.ReadInt32BigEndian(data.Slice(20 + (i * 4), 4));
            if (counts[i] is < 0 or > 1_000_000)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Bytes of a data block after its header: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt.</summary>
    private static int BlockLength(int[] counts, int timeSize) =>
        (counts[3] * (timeSize + 1)) + (counts[4] * 6) + counts[5] + (counts[2] * (timeSize + 4)) + counts[1] + counts[0];
}
