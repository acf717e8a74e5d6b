using System.Globalization;
using Summit.Server.Infrastructure.Localization;
using Summit.Server.Venues.Rooms;

namespace Summit.Server.Venues.Pages;

/// <summary>How the venues pages write rooms, hours and where a period stands on a day's timeline.</summary>
public static class VenuesPageText
{
    public static string RoomName(RoomView room) => Localizer.InReaderLanguage(room.NameEn, room.NameZh);

    public static string VenueName(RoomView room) => Localizer.InReaderLanguage(room.VenueNameEn, room.VenueNameZh);

    public static string Hours(Localizer l, RoomView room) => room.OpensAt is { } opens && room.ClosesAt is { } closes
        ? opens.ToString("HH:mm", CultureInfo.InvariantCulture) + "–" + closes.ToString("HH:mm", CultureInfo.InvariantCulture)
        : l["venues.rooms.hours_always"];

    /// <summary>How many the room seats in a layout (0: it cannot be set out so), as <see cref="Room.CapacityFor"/> says.</summary>
    public static int CapacityFor(this RoomView room, RoomLayout layout) => layout switch
    {
        RoomLayout.Theatre => room.TheatreCapacity,
        RoomLayout.Classroom => room.ClassroomCapacity,
        RoomLayout.Banquet => room.BanquetCapacity,
        RoomLayout.Boardroom => room.BoardroomCapacity,
        _ => 0,
    };

    /// <summary>A date ("yyyy-MM-dd") and a time ("HH:mm") as the browser's inputs give them, read in <paramref name="zone"/>; null when either does not parse.</summary>
    public static DateTimeOffset? LocalAt(string? date, string? time, TimeZoneInfo zone)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            || !TimeOnly.TryParseExact(time, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return null;
        }

        var local = day.ToDateTime(at);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    public static string Clock(DateTimeOffset at, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(at, zone).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// The CSS left and width (in % of the day) of the part of [from, until) that falls on the local day starting at <paramref name="dayStart"/>.
    /// </summary>
    public static string Span(DateTimeOffset from, DateTimeOffset until, DateTimeOffset dayStart, DateTimeOffset dayEnd)
    {
        var length = (dayEnd - dayStart).TotalMinutes;
        var start = Math.Clamp((from - dayStart).TotalMinutes, 0, length);
        var end = Math.Clamp((until - dayStart).TotalMinutes, 0, length);
        return FormattableString.Invariant($"left:{start * 100 / length:0.###}%;width:{Math.Max(0, end - start) * 100 / length:0.###}%");
    }
}
