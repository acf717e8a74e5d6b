namespace Summit.Server.Guests.Contracts;

/// <summary>
/// The places of the guest page (/guests/{id}) where other modules show their sections (<see cref="Infrastructure.Modules.PageSection"/>);
/// each section reads the guest from the cascading <see cref="GuestPageContext"/>.
/// </summary>
public static class GuestPage
{
    /// <summary>The buttons beside the guest's name.</summary>
    public const string Actions = "guest.actions";

    /// <summary>The narrow column, under the guest's status.</summary>
    public const string Side = "guest.side";

    /// <summary>The main column, after the accreditation.</summary>
    public const string Main = "guest.main";
}
