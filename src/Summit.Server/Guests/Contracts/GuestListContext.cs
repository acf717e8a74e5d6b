using Microsoft.AspNetCore.Components;

namespace Summit.Server.Guests.Contracts;

/// <summary>What the guest list shares with the actions other modules show on it (<see cref="GuestListPage"/>).</summary>
/// <param name="Selected">The guests ticked in the list.</param>
/// <param name="OnDone">Tells the list what an action did, which it shows above the list before loading it again.</param>
public sealed record GuestListContext(IReadOnlyCollection<SelectedGuest> Selected, EventCallback<GuestListReport> OnDone);
