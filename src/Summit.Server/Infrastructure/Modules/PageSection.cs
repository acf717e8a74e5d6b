namespace Summit.Server.Infrastructure.Modules;

/// <summary>
/// A part that one module shows on another module's page (Access's credential section on the guest page). The page renders the
/// sections registered for each of its places, in order, each to the users of its policy, without naming their module.
/// </summary>
/// <param name="Place">Where: a name the page's module publishes in its Contracts (<c>GuestPage.Main</c>...).</param>
/// <param name="Component">The Razor component; what the page shares with it comes as a cascading value its module publishes.</param>
/// <param name="Order">Its rank among the sections of the same place (lower first).</param>
/// <param name="Policy">Who sees it.</param>
public sealed record PageSection(string Place, Type Component, int Order, string Policy);
