namespace Summit.Server.Guests.Contracts;

/// <summary>
/// The place of the guest list (/guests) where other modules show actions on the selected guests (<see cref="Infrastructure.Modules.PageSection"/>);
/// each reads the selection from the cascading <see cref="GuestListContext"/>.
/// </summary>
public static class GuestListPage
{
    /// <summary>The buttons above the list, after the invitation.</summary>
    public const string Actions = "guests.actions";
}
