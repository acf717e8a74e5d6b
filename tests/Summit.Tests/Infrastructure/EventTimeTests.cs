using Summit.Server.Infrastructure.Localization;

namespace Summit.Tests.Infrastructure;

/// <summary>Every time a person reads is in the event's zone with its label: never a bare "09:30".</summary>
public class EventTimeTests
{
    private static readonly DateTimeOffset WinterMorning = new(2026, 1, 26, 1, 30, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SummerMorning = new(2026, 7, 26, 1, 30, 15, TimeSpan.Zero);

    [Theory]
    [InlineData("Asia/Shanghai", "2026-07-26 09:30 CST (UTC+8)")]
    [InlineData("Europe/Berlin", "2026-07-26 03:30 CEST (UTC+2)")]
    [InlineData("Europe/London", "2026-07-26 02:30 BST (UTC+1)")]
    [InlineData("America/New_York", "2026-07-25 21:30 EDT (UTC-4)")]
    [InlineData("Asia/Kolkata", "2026-07-26 07:00 IST (UTC+5:30)")]
    [InlineData("UTC", "2026-07-26 01:30 UTC")]
    public void A_time_is_written_in_the_zone_with_its_abbreviation_and_offset(string zone, string expected) =>
        Assert.Equal(expected, EventTime.Format(SummerMorning, EventTime.Zone(zone)));

    [Fact]
    public void A_zone_the_database_has_no_letters_for_shows_its_offset_alone() =>
        Assert.Equal("05:30 UTC+4", EventTime.Format(WinterMorning, EventTime.Zone("Asia/Dubai"), TimeStyle.Time));

    [Fact]
    public void Summer_and_winter_carry_their_own_label() =>
        Assert.Equal("02:30 CET (UTC+1)", EventTime.Format(WinterMorning, EventTime.Zone("Europe/Berlin"), TimeStyle.Time));

    [Fact]
    public void Seconds_are_written_for_scans() =>
        Assert.Equal("09:30:15 CST (UTC+8)", EventTime.Format(SummerMorning, EventTime.Zone("Asia/Shanghai"), TimeStyle.Seconds));

    [Fact]
    public void No_moment_is_a_dash() =>
        Assert.Equal("—", EventTime.Format((DateTimeOffset?)null, TimeZoneInfo.Utc));

    [Fact]
    public void An_unknown_zone_id_falls_back_to_utc_and_a_path_outside_the_database_reads_nothing()
    {
        Assert.Equal(TimeZoneInfo.Utc, EventTime.Zone("Mars/Olympus_Mons"));
        Assert.Equal(TimeZoneInfo.Utc, EventTime.Zone("../../etc/passwd"));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { (byte)'T', (byte)'Z', (byte)'i', (byte)'f' })]
    public void A_truncated_or_foreign_tz_file_gives_no_abbreviation(byte[] data) =>
        Assert.Empty(EventTime.ParseTzif(data));

    [Fact]
    public void A_tz_file_whose_counts_overrun_it_gives_no_abbreviation()
    {
        var data = new byte[60];
        "TZif"u8.CopyTo(data);
        data[39] = 200; // 200 local time types in a 60-byte file
        Assert.Empty(EventTime.ParseTzif(data));
    }
}
