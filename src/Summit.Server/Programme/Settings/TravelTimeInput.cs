namespace Summit.Server.Programme.Settings;

/// <summary>The minutes a speaker needs between two venues of the event, either way.</summary>
public sealed record TravelTimeInput(Guid VenueAId, Guid VenueBId, int Minutes);
