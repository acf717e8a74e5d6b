namespace Summit.Server.Guests.Contracts;

/// <summary>
/// The places of the guest portal (/portal/{token}) where other modules show their sections (<see cref="Infrastructure.Modules.PageSection"/>,
/// registered with the policy <c>UiOperations.TokenHolder</c>: the portal has no signed-in user, and each section's service checks the token
/// itself, through <see cref="IPortalGuests"/>). Each section reads the guest from the cascading <see cref="PortalPageContext"/>.
/// </summary>
public static class PortalPage
{
    /// <summary>Below the guest's status, once registered, when the guests reads their own portal (not a liaison reading a member's).</summary>
    public const string Main = "portal.main";
}
