namespace Summit.Server.Infrastructure.Modules;

/// <summary>The places of the shell (the layout around every page) where modules show their parts (<see cref="PageSection"/>).</summary>
public static class ShellPlaces
{
    /// <summary>The app bar, between the language switch and the signed-in user: actions and alerts that follow staff on every page.</summary>
    public const string AppBar = "shell.app-bar";

    /// <summary>The home page: what each module has to say about the event at a glance (Events its name, dates and venues first).</summary>
    public const string Home = "shell.home";
}
