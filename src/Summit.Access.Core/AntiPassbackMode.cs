namespace Summit.Access.Core;

public enum AntiPassbackMode
{
    Off = 0,

    /// <summary>Deny a second entry until an exit.</summary>
    Hard = 1,

    /// <summary>Admit a second entry without exit, with an alert.</summary>
    Soft = 2,

    /// <summary>Deny re-entry within <see cref="ZoneRule.ReentryMinutes"/> of the last entry.</summary>
    Timed = 3,
}
