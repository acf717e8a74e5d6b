using Microsoft.AspNetCore.Components;

namespace Summit.Server.Guests.Contracts;

/// <summary>What the guest page shares with the sections other modules show on it (<see cref="GuestPage"/>).</summary>
/// <param name="Categories">The event's categories, so that a category reads in the page's language.</param>
/// <param name="Zone">The event's time zone, in which staff read every time.</param>
/// <param name="OnChanged">Tells the page that a section changed the guest (status, history), so that it shows them again.</param>
public sealed record GuestPageContext(Guid GuestId, string GuestName, GuestStatus Status, ParticipationMode Mode,
    IReadOnlyCollection<CategoryCard> Categories, TimeZoneInfo Zone, DateOnly? FirstDay, DateOnly? LastDay, EventCallback OnChanged);
