using Summit.Server.Venues.Contracts;

namespace Summit.Server.Programme;

/// <summary>
/// A session of a forum: what it is, its titles and abstracts in both languages, the language spoken on stage and the interpretation
/// channels offered, its format, and where and when it takes place. Placed, it holds a room through a booking of the venues module
/// (<see cref="BookingId"/>); room, start, end and booking are set together or not at all.
/// </summary>
public sealed class Session
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public Guid ForumId { get; set; }
    public SessionKind Kind { get; set; }
    public string TitleEn { get; set; } = "";
    public string TitleZh { get; set; } = "";
    public string AbstractEn { get; set; } = "";
    public string AbstractZh { get; set; } = "";

    /// <summary>The language spoken on stage (BCP 47: "en", "zh-Hans", "ru"...).</summary>
    public string Language { get; set; } = "en";

    /// <summary>The interpretation channels offered, comma-separated language codes ("en,zh-Hans").</summary>
    public string Channels { get; set; } = "";
    public SessionFormat Format { get; set; }

    /// <summary>The online part's join link (https, online or hybrid sessions only); null for none.</summary>
    public string? JoinLink { get; set; }

    /// <summary>
    /// Whether the join link is published with the public programme and its export; false (the default) shows it only to the guests who put the
    /// session in their agenda and to its people: a link to a closed session is a credential.
    /// </summary>
    public bool JoinLinkPublic { get; set; }

    /// <summary>How many people are expected: the room must seat them (the capacity rule), and the booking asks for as many as the room seats.</summary>
    public int ExpectedAttendance { get; set; }
    public SeatingLayout Layout { get; set; }
    public Guid? RoomId { get; set; }
    public DateTimeOffset? StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }

    /// <summary>The venues module's booking that holds the room (holder kind Session, holder id this session).</summary>
    public Guid? BookingId { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Guests must register to attend (closed-door, bilateral-style or limited seats): seats as the placed room has, then a waiting list.</summary>
    public bool RegistrationRequired { get; set; }
    public List<SessionItem> Items { get; set; } = [];
    public List<SessionParticipant> Participants { get; set; } = [];

    /// <summary>The mobile equipment the session needs, booked with its room.</summary>
    public List<SessionEquipment> Equipment { get; set; } = [];

    public IReadOnlyList<string> ChannelList => Channels.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
