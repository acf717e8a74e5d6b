namespace Summit.Server.Events.Contracts;

/// <summary>
/// The event settings page (/event), where other modules show the settings they keep per event (<see cref="Infrastructure.Modules.PageSection"/>);
/// each section reads the event from the cascading <see cref="EventSettingsContext"/>.
/// </summary>
public static class EventSettingsPage
{
    /// <summary>Below the event's details, once it exists.</summary>
    public const string Sections = "event.settings";
}
