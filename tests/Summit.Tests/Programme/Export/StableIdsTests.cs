using Summit.Server.Programme.Export;

namespace Summit.Tests.Programme.Export;

/// <summary>The export's identifiers: RFC 9562 version 5 UUIDs (checked against the RFC's own example), the same for the same session every time.</summary>
public sealed class StableIdsTests
{
    [Fact]
    public void Name_based_uuids_follow_rfc_9562_and_never_change_for_a_session()
    {
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), StableIds.NameBased(dns, "www.example.com"));

        var session = Guid.NewGuid();
        var uuid = StableIds.Session(session);
        Assert.Equal(uuid, StableIds.Session(session));
        Assert.NotEqual(uuid, StableIds.Person(session));
        Assert.NotEqual(session, uuid);
        Assert.Equal(5, uuid.Version);
        Assert.InRange(StableIds.Number(uuid), 0, int.MaxValue);
    }

    [Theory]
    [InlineData(90, "01:30")]
    [InlineData(5, "00:05")]
    [InlineData(24 * 60, "24:00")]
    public void Durations_are_hours_and_minutes(int minutes, string expected) =>
        Assert.Equal(expected, ScheduleExport.Duration(TimeSpan.FromMinutes(minutes)));
}
