using Summit.Server.Access.Contracts;
using Summit.Server.Guests.Contracts;
using Summit.Server.Guests.Domain;

namespace Summit.Tests.Architecture.Violations.Shell;

/// <summary>
/// A deliberate violation, never run: a "shell" helper, as the shared page text once was, that writes a guest's name and status and
/// measures a zone's rectangle on the plan. <see cref="ModuleBoundaryTests"/> shows the platform check refuses a module's insides
/// and its contracts alike.
/// </summary>
internal static class LeakyShellText
{
    public static string Name(string familyName, string givenName, GuestStatus status) => $"{PersonNames.Original(familyName, givenName)} ({status})";

    public static int Area(ZonePlanArea plan) => plan.Area;
}
