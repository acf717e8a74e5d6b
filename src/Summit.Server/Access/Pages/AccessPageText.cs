using System.Globalization;
using Summit.Access.Core;
using Summit.Server.Access.Contracts;
using Summit.Server.Infrastructure.Localization;

namespace Summit.Server.Access.Pages;

/// <summary>Formatting shared by the access pages: day ranges, zone rules, and conversions for the MudBlazor pickers.</summary>
public static class AccessPageText
{
    /// <summary>A day range as staff read it in a grid cell: every day, one day, or first to last (open ends allowed).</summary>
    public static string Days(Localizer l, DateOnly? first, DateOnly? last) => (first, last) switch
    {
        (null, null) => l["accesspages.days.every"],
        ({ } one, { } other) when one == other => Day(one),
        ({ } from, null) => l["accesspages.days.from", Day(from)],
        (null, { } until) => l["accesspages.days.until", Day(until)],
        _ => $"{Day(first!.Value)} – {Day(last!.Value)}",
    };

    public static string Day(DateOnly day) => day.ToString("MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The zone's anti-passback rule in a few words, with the wait for timed re-entry.</summary>
    public static string AntiPassback(Localizer l, ZoneView zone) => zone.AntiPassback == AntiPassbackMode.Timed
        ? l["accesspages.apb.timed", zone.ReentryMinutes]
        : l[$"accesspages.apb.{zone.AntiPassback}"];

    public static string HourMinute(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static DateTime? ToPicker(DateOnly? day) => day?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? FromPicker(DateTime? day) => day is { } d ? DateOnly.FromDateTime(d) : null;
}
