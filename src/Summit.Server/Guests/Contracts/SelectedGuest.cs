namespace Summit.Server.Guests.Contracts;

/// <summary>A guest ticked on the guest list, as the list's actions of other modules see it.</summary>
/// <param name="Name">The Latin name as staff read it in a result ("Wei ZHANG").</param>
public sealed record SelectedGuest(Guid Id, string Name);
