namespace Summit.Server.Programme;

/// <summary>The sizes of the programme's fields and lists.</summary>
public static class ProgrammeLimits
{
    public const int TitleLength = 300;
    public const int AbstractLength = 4000;
    public const int NameLength = 200;
    public const int EmailLength = 256;
    public const int LanguageLength = 16;
    public const int ChannelsLength = 200;
    public const int LinkLength = 1000;
    public const int MaxAttendance = 100_000;
    public const int MaxItems = 50;
    public const int MaxParticipants = 100;
    public const int MaxWindows = 50;
    public const int MaxBufferMinutes = 240;
    public const int MaxTravelMinutes = 1440;
    public const int MaxProtocolOrder = 1000;
    public const int MaxItemMinutes = 1440;
    public const int CommentLength = 1000;
    public const int MaxEquipmentLines = 20;
    public const int MaxEquipmentQuantity = 10_000;

    /// <summary>The most sessions one guest may choose for their agenda (the sessions they appear in come on top).</summary>
    public const int MaxAgendaChoices = 60;

    /// <summary>The most sessions one guest may be registered for (seated or waiting), and the longest waiting list of a session.</summary>
    public const int MaxRegistrations = 60;
    public const int MaxWaiting = 500;

    /// <summary>No session is longer than a day.</summary>
    public static readonly TimeSpan MaxSessionLength = TimeSpan.FromHours(24);
}
