namespace Summit.Server.Events;

/// <summary>The event being run. Summit hosts one current event; the model keeps an id so history can stay.</summary>
public sealed class SummitEvent
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Name { get; set; } = "";
    public string NameZh { get; set; } = "";
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }

    /// <summary>IANA time zone id, for example Asia/Shanghai.</summary>
    public string TimeZoneId { get; set; } = "UTC";
    public List<EventVenue> Venues { get; set; } = [];
}
