namespace Summit.Server.Events;

/// <summary>The reason codes of the events module ("error.{code}" in the catalogs). Codes are part of the API and never change.</summary>
public static class EventErrors
{
    public const string EventDatesInvalid = "event.dates_invalid";
    public const string TimeZoneUnknown = "event.time_zone_unknown";
}
